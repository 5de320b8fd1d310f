package org.creamlab.experiments.pretrain;

import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.creamlab.config.Settings;
import org.creamlab.engine.EngineService;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiments.study.BaseModelCache;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.BaseRecipe;
import org.creamlab.experiments.study.LinesGate;
import org.creamlab.experiments.study.StudyData;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores bases that already exist (cached under {@code db/models/} or shared under {@code bases/}) on
 * the stricter {@link LinesGate}, read-only: it never pre-trains and never changes a card. One run per
 * base seed; the pooled score is the metric {@value LinesGate#METRIC}, each cell a {@code gate/...}
 * metric, and the log says pass or fail. New bases get the gate when they are pre-trained.
 */
@Experiment(name = "gate-bases", description = "score existing bases on the stricter in-window LongChat-Lines gate (read-only)")
@BaseParams
@Param(name = "baseSeed", values = {"1", "3", "4", "5", "6", "7", "9", "10"}, type = ParamType.INT,
        description = "seeds of the bases to score (each must be cached or shared already)")
@Param(name = "layers", values = "4", type = ParamType.INT, min = 1, max = 64, description = "base decoder layers")
public final class GateBasesExperiment implements ExperimentBody {

    private static final Logger LOG = LoggerFactory.getLogger(GateBasesExperiment.class);

    private final EngineService engine;
    private final Settings settings;

    @Inject
    GateBasesExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        BaseRecipe recipe = BaseRecipe.from(run.params());
        BaseModelCache cache = BaseModelCache.under(settings);
        Path base = cache.find(recipe).orElseThrow(() -> new IllegalArgumentException("no cached or shared base "
                + recipe.hash() + " for base seed " + recipe.seed() + " at " + recipe.layers() + " layers: gate-bases"
                + " scores existing bases only (pre-train it with -Dexperiment=pretrain-base, which applies the gate)"));
        StudyData data = StudyData.miniature();
        try (NDManager nd = NDManager.newBaseManager(engine.device());
             LlamaWeights weights = ModelCheckpoint.loadWeights(nd, base,
                     recipe.modelConfig(data.tokenizer().vocabularySize()))) {
            double score = new LinesGate(data).score(nd, new LlamaModel(weights), recipe.window(), recipe.seed(),
                    run.metrics());
            LOG.info("base seed {} ({}): lines gate {} on {} in-window samples, card {}: {}", recipe.seed(),
                    base.getFileName(), score, 2 * LinesGate.SAMPLES_PER_LENGTH, cache.scores(base).get("lines"),
                    LinesGate.passes(score) ? "passes" : "FAILS (needs " + LinesGate.THRESHOLD + ")");
        }
    }
}
