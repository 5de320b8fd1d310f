package org.creamlab.experiments.pretrain;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creamlab.config.Settings;
import org.creamlab.data.WordTokenizerExport;
import org.creamlab.engine.EngineService;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiments.study.BaseCard;
import org.creamlab.experiments.study.BaseModelCache;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.BaseRecipe;
import org.creamlab.experiments.study.BaseTrainer;
import org.creamlab.experiments.study.StudyData;

/**
 * Writes each base (taken from the cache, pre-trained when missing) as a shareable folder under
 * {@code bases/base-<hash>/}: Hugging Face Llama format ({@code model.safetensors},
 * {@code config.json}), the study's word tokenizer as {@code tokenizer.json}, {@code base.json} (recipe
 * and in-window scores) and a {@link BaseCard} with every file's SHA-256. Commit the folders: the study
 * then finds them on any machine and verifies them before use.
 */
@Experiment(name = "share-bases", description = "write the study's bases as shareable Hugging Face folders with recipe cards under bases/")
@BaseParams
@Param(name = "baseSeed", values = {"1", "5", "6", "7", "9"}, type = ParamType.INT, description = "seeds of the bases to share")
public final class ShareBasesExperiment implements ExperimentBody {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    ShareBasesExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        BaseRecipe recipe = BaseRecipe.from(run.params());
        StudyData data = StudyData.miniature();
        BaseModelCache cache = BaseModelCache.under(settings);
        boolean pretrainedHere = cache.find(recipe).isEmpty();
        Path source = new BaseTrainer(data, cache).obtain(recipe, run, engine.device());
        Path target = BaseModelCache.sharedFolder(settings).resolve("base-" + recipe.hash());
        if (source.equals(target)) {
            return;   // already shared (and verified on lookup)
        }
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists without a card (an interrupted share?): delete it and run again");
        }
        Path staging = target.resolveSibling(target.getFileName() + ".tmp");
        if (Files.exists(staging)) {
            try (var old = Files.list(staging)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(staging);
        for (String f : new String[] {"model.safetensors", "config.json", "base.json"}) {
            Files.copy(source.resolve(f), staging.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(staging.resolve("tokenizer.json"), WordTokenizerExport.json(data.tokenizer()) + "\n",
                StandardCharsets.UTF_8);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("exported", LocalDate.now().toString());
        provenance.put("exportedBy", "mvn test -Dexperiment=share-bases (run " + run.runId() + ")");
        provenance.put("pretrainedBy", "mvn test -Dexperiment=pretrain-base -Dp.layers=" + recipe.layers()
                + " -Dp.baseSeed=" + recipe.seed() + (pretrainedHere
                        ? " -Dthreads=" + settings.threads() + " (deterministic for one machine and thread count)"
                        : " (deterministic for one machine and thread count; pre-trained before this export, at a thread"
                                + " count this card does not know)"));
        provenance.put("engine", "DJL PyTorch, " + engine.device());
        BaseCard.write(staging, recipe, cache.scores(source), provenance);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        BaseCard.read(target).verify(target, recipe);
    }
}
