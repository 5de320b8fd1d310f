package org.creamlab.experiments.study;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.data.FillerGrammar;
import org.creamlab.data.KvRetrievalGenerator;
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
        String kind = pick(random.nextDouble());
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
     * A sample of a curriculum task at its current level: exactly the level's item count for kv, the
     * most lines the level's cap holds for lines (lines vary in length by a token, so the count is the
     * level's or one more); once the task has finished the curriculum, a uniform length up to the cap.
     */
    static TaskSample curriculumSample(StudyData data, Curriculum curriculum, String task, SplittableRandom random) {
        TaskGenerator generator = data.tasks().get(task);
        int max = curriculum.maxPromptLength(task) - StudyData.MAX_ANSWER_TOKENS - 1;
        int items = curriculum.items(task);
        if (items > 0) {
            if (generator instanceof KvRetrievalGenerator kv) {
                TaskSample exact = kv.samplePairs(random, items, Placement.uniform());
                if (exact.prompt().length <= max) {
                    return exact;
                }
            }
            return generator.sample(random, max, Placement.uniform());
        }
        int min = generator.minimumLength();
        return generator.sample(random, min + random.nextInt(Math.max(1, max - min + 1)), Placement.uniform());
    }

    private static String pick(double u) {
        double acc = 0;
        for (int i = 0; i < KINDS.size(); i++) {
            acc += WEIGHTS[i];
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
