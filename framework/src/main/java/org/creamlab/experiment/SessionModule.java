package org.creamlab.experiment;

import ai.djl.Device;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import org.creamlab.config.Settings;
import org.creamlab.engine.EngineService;
import org.creamlab.store.RunStore;

/** Binds the session's started services so experiment classes can inject them. */
final class SessionModule extends AbstractModule {

    private final Settings settings;
    private final RunStore store;
    private final EngineService engine;

    SessionModule(Settings settings, RunStore store, EngineService engine) {
        this.settings = settings;
        this.store = store;
        this.engine = engine;
    }

    @Override
    protected void configure() {
        bind(Settings.class).toInstance(settings);
        bind(RunStore.class).toInstance(store);
        bind(EngineService.class).toInstance(engine);
    }

    @Provides
    Device device() {
        return engine.device();
    }
}
