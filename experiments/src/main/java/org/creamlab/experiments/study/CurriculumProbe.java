package org.creamlab.experiments.study;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.data.TaskSample;
import org.creamlab.data.TrainingDocument;
import org.creamlab.eval.LlamaScoringModel;
import org.creamlab.eval.TargetScores;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.MetricLog;
import org.creamlab.model.LlamaModel;
import org.creamlab.rope.NoScaling;
import org.creamlab.train.StepResult;
import org.creamlab.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code every} steps, measures the live weights (no gradients; between two steps) on fresh
 * samples: while the copy warm-up is unlearned, the teacher-forced token accuracy on copy sequences
 * ({@code pretrain/probe_copy_accuracy}), which ends the warm-up phase when it reaches
 * {@link Curriculum#PASS}; and teacher-forced exact match at each curriculum task's current level
 * ({@code pretrain/probe_exact_match}), which advances the task at {@link Curriculum#PASS}. Probe
 * samples come from a generator seeded by the step, so a resumed run probes exactly as an
 * uninterrupted one.
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
        if (!curriculum.copyLearned()) {
            probeCopy(r.step());
        }
        for (String task : curriculum.tasks()) {
            if (curriculum.finished(task)) {
                continue;
            }
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + r.step() * 31 + task.hashCode());
            List<int[]> prompts = new ArrayList<>();
            List<int[]> answers = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                TaskSample s = PretrainDocuments.curriculumSample(data, curriculum, task, rng);
                prompts.add(s.prompt());
                answers.add(s.answer());
            }
            List<TargetScores> scores = model.scoreTargets(prompts, answers);
            int right = 0;
            for (int i = 0; i < SAMPLES; i++) {
                right += scores.get(i).exactMatch(answers.get(i)) ? 1 : 0;
            }
            double em = (double) right / SAMPLES;
            metrics.log(new org.creamlab.metric.Metric("pretrain/probe_exact_match", r.step(), em,
                    Dimensions.task(task).withLength(curriculum.maxPromptLength(task))));
            LOG.debug("probe at step {}: {} level {} exact match {}", r.step() + 1, task, curriculum.level(task), em);
            if (em >= Curriculum.PASS) {
                int level = curriculum.advance(task);
                LOG.info("curriculum: {} passed at step {} ({}), now level {} (prompts up to {} tokens)", task, r.step() + 1,
                        em, level, curriculum.maxPromptLength(task));
            }
        }
    }

    private void probeCopy(long step) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + step * 31 + 17);
        List<int[]> prompts = new ArrayList<>();
        List<int[]> copies = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            TrainingDocument d = data.copy().next(rng);
            int[] t = d.tokens();
            prompts.add(Arrays.copyOfRange(t, 0, d.answerStart()));
            copies.add(Arrays.copyOfRange(t, d.answerStart(), t.length - 1));
        }
        List<TargetScores> scores = model.scoreTargets(prompts, copies);
        long right = 0;
        long total = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int[] argmax = scores.get(i).argmax();
            int[] copy = copies.get(i);
            for (int j = 0; j < copy.length; j++) {
                right += argmax[j] == copy[j] ? 1 : 0;
                total++;
            }
        }
        double accuracy = (double) right / total;
        metrics.log(new org.creamlab.metric.Metric("pretrain/probe_copy_accuracy", step, accuracy, Dimensions.task("copy")));
        if (accuracy >= Curriculum.PASS) {
            curriculum.markCopyLearned();
            LOG.info("curriculum: the copy warm-up passed at step {} (token accuracy {}); copy rows drop to the late share",
                    step + 1, accuracy);
        }
    }
}
