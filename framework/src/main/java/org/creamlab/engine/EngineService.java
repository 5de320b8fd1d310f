package org.creamlab.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.creamlab.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine offline (libtorch from the {@code pytorch-native-cpu} jar, no
 * downloads, tracking off), with the thread count from the settings and the native cache in a
 * predictable folder ({@code DJL_CACHE_DIR}, default {@code ~/.cache/creamlab/djl}). Logs engine,
 * version and device once. Settings already given on the command line win.
 */
public final class EngineService {

    private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);

    private final Settings settings;
    private Engine engine;
    private Device device;

    public EngineService(Settings settings) {
        this.settings = settings;
    }

    /** Configures and loads the engine; idempotent. */
    public synchronized Engine start() {
        if (engine == null) {
            setIfAbsent("ai.djl.offline", "true");
            setIfAbsent("OPT_OUT_TRACKING", "true");
            setIfAbsent("ai.djl.default_engine", "PyTorch");
            setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(settings.threads()));
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
            if (System.getenv("DJL_CACHE_DIR") == null) {
                setIfAbsent("DJL_CACHE_DIR", Path.of(System.getProperty("user.home"), ".cache", "creamlab", "djl").toString());
            }
            engine = Engine.getEngine("PyTorch");
            boolean gpuWanted = settings.device().equals("gpu");
            int gpus = engine.getGpuCount();
            device = gpuWanted && gpus > 0 ? Device.gpu() : Device.cpu();
            if (gpuWanted && gpus == 0) {
                LOG.warn("device=gpu was asked for but DJL finds no GPU; running on the CPU");
            }
            LOG.info("engine {} {} (DJL {}), device {}, threads {}, cache {}", engine.getEngineName(), engine.getVersion(),
                    Engine.getDjlVersion(), device, System.getProperty("ai.djl.pytorch.num_threads"),
                    System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR")));
            LOG.info("native environment: {}", NativeEnvironment.current().describe());
        }
        return engine;
    }

    /** The device runs use: a GPU when one is found and {@code device=gpu}, else the CPU. */
    public synchronized Device device() {
        start();
        return device;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
