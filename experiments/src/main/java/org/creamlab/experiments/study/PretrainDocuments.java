package org.creamlab.experiments.study;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.data.FillerGrammar;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.Placement;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tasks;
import org.creamlab.data.TrainingDocument;

/**
 * The pre-training mixture inside the window: copy warm-up rows (a share that falls after the
 * first 40% of steps), and otherwise mostly lines and kv, some needle, passkey and filler. Lines and kv
 * lengths follow the {@link Curriculum}; the others are uniform up to the window.
 */
final class PretrainDocuments {

    /**
     * Kinds and their weights. The associative tasks get most rows: spread evenly over five kinds,
     * kv and lines saw too few examples per step to leave the recall plateau (measured: lines 0%,
     * kv stuck at 4 pairs after 650 steps).
     */
    private static final List<String> KINDS = List.of(Tasks.LINES, Tasks.KV, Tasks.NEEDLE, Tasks.PASSKEY,
            LongDocumentGenerator.FILLER);
    private static final double[] WEIGHTS = {0.4, 0.35, 0.08, 0.08, 0.09};

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

    TrainingDocument draw(SplittableRandom random, double copyShare) {
        if (random.nextDouble() < copyShare) {
            return data.copy().next(random);
        }
        String kind = pick(random.nextDouble());
        if (kind.equals(LongDocumentGenerator.FILLER)) {
            return filler.next(random, 16 + random.nextInt(window - 16 + 1));
        }
        int min = data.tasks().get(kind).minimumLength();
        int max = (curriculum.governs(kind) ? curriculum.maxPromptLength(kind) : window) - StudyData.MAX_ANSWER_TOKENS - 1;
        return document(data.tasks().get(kind).sample(random, min + random.nextInt(Math.max(1, max - min + 1)),
                Placement.uniform()), data);
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
