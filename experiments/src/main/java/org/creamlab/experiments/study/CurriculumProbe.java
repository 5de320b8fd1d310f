package org.creamlab.experiments.study;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.data.Placement;
import org.creamlab.data.TaskSample;
import org.creamlab.eval.LlamaScoringModel;
import org.creamlab.eval.TargetScores;
import org.creamlab.experiment.Dimensions;
import org.creamlab.experiment.MetricLog;
import org.creamlab.model.LlamaModel;
import org.creamlab.rope.NoScaling;
import org.creamlab.train.StepResult;
import org.creamlab.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code every} steps, measures teacher-forced exact match of the live weights on fresh
 * samples at each curriculum task's current cap (no gradients; between two steps) and advances the
 * task when it reaches {@link Curriculum#PASS}. Probe samples come from a generator seeded by the
 * step, so a resumed run probes exactly as an uninterrupted one.
 */
final class CurriculumProbe implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(CurriculumProbe.class);
    private static final int SAMPLES = 32;

    private final Curriculum curriculum;
    private final StudyData data;
    private final LlamaScoringModel model;
    private final int every;
    private final long seed;
    private final MetricLog metrics;

    CurriculumProbe(Curriculum curriculum, StudyData data, NDManager manager, LlamaModel model, int every, long seed,
                    MetricLog metrics) {
        this.curriculum = curriculum;
        this.data = data;
        this.model = new LlamaScoringModel(manager, model, new NoScaling(), SAMPLES);
        this.every = every;
        this.seed = seed;
        this.metrics = metrics;
    }

    @Override
    public void onStep(StepResult r) {
        if ((r.step() + 1) % every != 0) {
            return;
        }
        for (String task : curriculum.tasks()) {
            if (curriculum.finished(task)) {
                continue;
            }
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + r.step() * 31 + task.hashCode());
            int max = curriculum.maxPromptLength(task) - StudyData.MAX_ANSWER_TOKENS - 1;
            int min = data.tasks().get(task).minimumLength();
            List<int[]> prompts = new ArrayList<>();
            List<int[]> answers = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                TaskSample s = data.tasks().get(task).sample(rng, min + rng.nextInt(Math.max(1, max - min + 1)),
                        Placement.uniform());
                prompts.add(s.prompt());
                answers.add(s.answer());
            }
            List<TargetScores> scores = model.scoreTargets(prompts, answers);
            int right = 0;
            for (int i = 0; i < SAMPLES; i++) {
                right += scores.get(i).exactMatch(answers.get(i)) ? 1 : 0;
            }
            double em = (double) right / SAMPLES;
            metrics.log(new org.creamlab.experiment.Metric("pretrain/probe_exact_match", r.step(), em,
                    Dimensions.task(task).withLength(curriculum.maxPromptLength(task))));
            if (em >= Curriculum.PASS) {
                int level = curriculum.advance(task);
                LOG.info("curriculum: {} passed at step {} ({}), now level {} (prompts up to {} tokens)", task, r.step() + 1,
                        em, level, curriculum.maxPromptLength(task));
            }
        }
    }
}
