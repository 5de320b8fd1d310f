package org.creamlab.experiments.study;

import jakarta.inject.Inject;
import java.io.IOException;
import org.creamlab.config.Settings;
import org.creamlab.engine.EngineService;
import org.creamlab.eval.EvalResult;
import org.creamlab.experiment.RunContext;
import org.creamlab.positions.SchemeSettings;

/**
 * What an extension experiment injects: the study's data, the project's base-model cache and the
 * engine's device, ready to run {@link ExtensionRun} for a run's {@code @BaseParams} and
 * {@code @FineTuneParams}.
 */
public final class ExtensionStudy {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    ExtensionStudy(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** Fine-tunes with {@code method} (position settings from the run's parameters) and evaluates. */
    public EvalResult run(RunContext run, String method, String scaling) throws IOException {
        return extension().run(BaseRecipe.from(run.params()), method, scaling, run);
    }

    /** The same with explicit position-scheme settings. */
    public EvalResult run(RunContext run, String method, String scaling, SchemeSettings schemeSettings) throws IOException {
        return extension().run(BaseRecipe.from(run.params()), method, scaling, schemeSettings, run);
    }

    private ExtensionRun extension() {
        return new ExtensionRun(StudyData.miniature(), BaseModelCache.under(settings), engine.device());
    }
}
