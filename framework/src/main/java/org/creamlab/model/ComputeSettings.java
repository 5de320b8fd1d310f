package org.creamlab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;

/**
 * Where and in what precision the model runs.
 *
 * @param allowGpu use a GPU when DJL finds one (CPU otherwise)
 * @param precision weights and activations for inference; training always runs in float32
 * @param threads intra-op threads for PyTorch; applied only if set before the engine starts
 */
public record ComputeSettings(boolean allowGpu, Precision precision, int threads) {

    /** Floating-point formats for inference. */
    public enum Precision {
        FP32(DataType.FLOAT32),
        FP16(DataType.FLOAT16);

        private final DataType type;

        Precision(DataType type) {
            this.type = type;
        }

        public DataType dataType() {
            return type;
        }
    }

    public ComputeSettings {
        if (precision == null) {
            throw new IllegalArgumentException("precision must be one of FP32, FP16");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    /** CPU, float32, one thread (steady on shared machines). */
    public static ComputeSettings defaults() {
        return new ComputeSettings(false, Precision.FP32, 1);
    }

    /**
     * Sets {@code ai.djl.pytorch.num_threads} / {@code num_interop_threads} unless already given on the
     * command line. Call before the first DJL use; the engine reads them once.
     */
    public void applyThreadProperties() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /** The GPU when allowed and present, else the CPU. */
    public Device device() {
        if (allowGpu && Engine.getInstance().getGpuCount() > 0) {
            return Device.gpu();
        }
        return Device.cpu();
    }
}
