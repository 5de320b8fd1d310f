package org.creamlab.experiments.study;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.data.FillerGrammar;
import org.creamlab.data.KvRetrievalGenerator;
import org.creamlab.data.LinesGenerator;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.Placement;
import org.creamlab.data.TaskGenerator;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tasks;
import org.creamlab.data.TrainingDocument;

/**
 * The pre-training mixture inside the window: gapped copy warm-up rows (a large share until the
 * {@link Curriculum} says the copy is learned, a small one after), and otherwise mostly lines and kv,
 * some needle, passkey and filler. Lines and kv follow the curriculum's item levels; the others are
 * uniform in length up to the window.
 */
final class PretrainDocuments {

    /**
     * Kinds and their weights. The associative tasks get most rows: spread evenly over five kinds,
     * kv and lines saw too few examples per step to leave the recall plateau (measured: lines 0%,
     * kv stuck at 4 pairs after 650 steps); with .40/.35 kv still sat at 4 pairs from step 325 to
     * 1,500 (recipe v3, docs/base-recipe.md). Needle and passkey reach 0.99 with a few percent.
     */
    private static final List<String> KINDS = List.of(Tasks.LINES, Tasks.KV, Tasks.NEEDLE, Tasks.PASSKEY,
            LongDocumentGenerator.FILLER);
    private static final double[] WEIGHTS = {0.45, 0.45, 0.03, 0.04, 0.03};
    /** The weight of a curriculum task once it has finished its levels. */
    private static final double FINISHED_WEIGHT = 0.15;

    private final StudyData data;
    private final Curriculum curriculum;
    private final LongDocumentGenerator filler;
    private final int window;

    PretrainDocuments(StudyData data, Curriculum curriculum, int window) {
        this.data = data;
        this.curriculum = curriculum;
        this.window = window;
        this.filler = new LongDocumentGenerator(data.tokenizer(), data.tasks(), new FillerGrammar(),
                Map.of(LongDocumentGenerator.FILLER, 1.0), StudyData.MAX_ANSWER_TOKENS);
    }

    /**
     * @param copyShareEarly the copy rows' share until the copy is learned
     * @param copyShareLate their share afterwards
     */
    TrainingDocument draw(SplittableRandom random, double copyShareEarly, double copyShareLate) {
        if (random.nextDouble() < (curriculum.copyLearned() ? copyShareLate : copyShareEarly)) {
            return data.copy().next(random);
        }
        String kind = pick(random.nextDouble(), weights());
        if (kind.equals(LongDocumentGenerator.FILLER)) {
            return filler.next(random, 16 + random.nextInt(window - 16 + 1));
        }
        if (curriculum.governs(kind)) {
            return document(curriculumSample(data, curriculum, kind, random), data);
        }
        int min = data.tasks().get(kind).minimumLength();
        int max = window - StudyData.MAX_ANSWER_TOKENS - 1;
        return document(data.tasks().get(kind).sample(random, min + random.nextInt(Math.max(1, max - min + 1)),
                Placement.uniform()), data);
    }

    /**
     * A sample of a curriculum task at its current level: exactly the level's item count (or, where
     * that many do not fit the window, as many as fit); once the task has finished the curriculum, a
     * uniform length up to the window.
     */
    static TaskSample curriculumSample(StudyData data, Curriculum curriculum, String task, SplittableRandom random) {
        TaskGenerator generator = data.tasks().get(task);
        int max = curriculum.maxPromptLength(task) - StudyData.MAX_ANSWER_TOKENS - 1;
        int items = curriculum.items(task);
        if (items > 0) {
            TaskSample exact = null;
            if (generator instanceof KvRetrievalGenerator kv) {
                exact = kv.samplePairs(random, items, Placement.uniform());
            } else if (generator instanceof LinesGenerator lines) {
                exact = lines.sampleLines(random, items, Placement.uniform());
            }
            if (exact != null && exact.prompt().length + StudyData.MAX_ANSWER_TOKENS + 1 <= curriculum.window()) {
                return exact;
            }
            return generator.sample(random, max, Placement.uniform());
        }
        int min = generator.minimumLength();
        return generator.sample(random, min + random.nextInt(Math.max(1, max - min + 1)), Placement.uniform());
    }

    /**
     * {@link #WEIGHTS}, except that a curriculum task that has finished its levels keeps only
     * {@link #FINISHED_WEIGHT} and hands the rest to the curriculum tasks still learning (measured in
     * v4: kv finished its levels at step 1,150 while lines sat at its second level to the end).
     */
    private double[] weights() {
        double[] w = WEIGHTS.clone();
        double freed = 0;
        int learning = 0;
        for (int i = 0; i < KINDS.size(); i++) {
            if (curriculum.governs(KINDS.get(i))) {
                if (curriculum.finished(KINDS.get(i))) {
                    freed += w[i] - FINISHED_WEIGHT;
                    w[i] = FINISHED_WEIGHT;
                } else {
                    learning++;
                }
            }
        }
        for (int i = 0; learning > 0 && i < KINDS.size(); i++) {
            if (curriculum.governs(KINDS.get(i)) && !curriculum.finished(KINDS.get(i))) {
                w[i] += freed / learning;
            }
        }
        return w;
    }

    private static String pick(double u, double[] weights) {
        double acc = 0;
        for (int i = 0; i < KINDS.size(); i++) {
            acc += weights[i];
            if (u < acc) {
                return KINDS.get(i);
            }
        }
        return KINDS.get(KINDS.size() - 1);
    }

    /** {@code prompt ++ answer ++ <eos>}, the loss from the answer on. */
    static TrainingDocument document(TaskSample s, StudyData data) {
        int[] prompt = s.prompt();
        int[] answer = s.answer();
        int[] tokens = new int[prompt.length + answer.length + 1];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(answer, 0, tokens, prompt.length, answer.length);
        tokens[tokens.length - 1] = data.tokenizer().specialTokens().eos();
        return new TrainingDocument(s.task(), tokens, prompt.length);
    }
}
