package org.creamlab.experiments.pretrain;

import jakarta.inject.Inject;
import org.creamlab.config.Settings;
import org.creamlab.engine.EngineService;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiments.study.BaseModelCache;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.BaseRecipe;
import org.creamlab.experiments.study.BaseTrainer;
import org.creamlab.experiments.study.StudyData;

/**
 * Pre-trains the Llama-style base at window N and checks the in-window bar (>= 95% on lines, kv and
 * passkey at lengths <= N); the seed is the {@code baseSeed} parameter. A passing base is cached under {@code db/models/} by the hash of its
 * full configuration, for the extension experiments to reuse. Always trains (ignores the cache).
 */
@Experiment(name = "pretrain-base", description = "pre-train the base at window N until it retrieves in-window (>= 95%)")
@BaseParams
public final class PretrainBaseExperiment implements ExperimentBody {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    PretrainBaseExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        BaseRecipe recipe = BaseRecipe.from(run.params());
        BaseTrainer trainer = new BaseTrainer(StudyData.miniature(), BaseModelCache.under(settings));
        trainer.train(recipe, run, engine.device());
    }
}
