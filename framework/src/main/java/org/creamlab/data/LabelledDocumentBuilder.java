package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link TrainingDocument} piece by piece with each token's {@link TargetClass} and evidence:
 * a task sample (prompt unlabelled, answer tokens as {@code answer} with the gold record as evidence,
 * {@code <eos>} as filler), a copy sequence (its labels shifted to where it lands), filler.
 */
final class LabelledDocumentBuilder {

    private final PromptBuilder tokens;
    private final List<TargetClass> classes = new ArrayList<>();
    private final List<Integer> evidence = new ArrayList<>();
    private final int eos;

    LabelledDocumentBuilder(Tokenizer tokenizer) {
        this.tokens = new PromptBuilder(tokenizer);
        this.eos = tokenizer.specialTokens().eos();
    }

    /** Appends tokens that are no loss target; returns the offset of the first. */
    int unlabelled(int[] ids) {
        return label(tokens.append(ids), ids.length, TargetClass.NONE);
    }

    /** Appends tokens that are filler targets; returns the offset of the first. */
    int filler(int[] ids) {
        return label(tokens.append(ids), ids.length, TargetClass.FILLER);
    }

    /**
     * Appends {@code prompt ++ answer ++ <eos>}: the answer tokens are {@code answer} targets whose
     * evidence is the matching token of the gold record ({@link TaskSample#goldOffset()}), {@code <eos>} is filler.
     *
     * @return the offset of the answer's first token
     */
    int task(TaskSample s) {
        int start = unlabelled(s.prompt());
        int answer = tokens.append(s.answer());
        for (int j = 0; j < s.answer().length; j++) {
            classes.add(TargetClass.ANSWER);
            evidence.add(start + s.goldOffset() + j);
        }
        filler(new int[] {eos});
        return answer;
    }

    /**
     * Appends a sample and its follow-up questions: the sample as {@link #task}, then each
     * follow-up's question (unlabelled), answer ({@code answer} targets, evidence in the record) and
     * {@code <eos>} (filler).
     */
    int task(AskedSample asked) {
        int answer = task(asked.first());
        int start = answer - asked.first().prompt().length;
        for (AskedSample.FollowUp f : asked.followUps()) {
            unlabelled(f.question());
            tokens.append(f.answer());
            for (int j = 0; j < f.answer().length; j++) {
                classes.add(TargetClass.ANSWER);
                evidence.add(start + f.goldOffset() + j);
            }
            filler(new int[] {eos});
        }
        return answer;
    }

    /** Appends a labelled document (e.g. a copy sequence) as it is, its evidence moved with it; returns its offset. */
    int document(TrainingDocument d) {
        int start = tokens.append(d.tokens());
        for (int i = 0; i < d.length(); i++) {
            classes.add(d.targetClass(i));
            evidence.add(d.evidence(i) < 0 ? -1 : start + d.evidence(i));
        }
        return start;
    }

    int size() {
        return tokens.size();
    }

    /** The document; {@code answerStart} as in {@link TrainingDocument}. */
    TrainingDocument build(String kind, int answerStart) {
        int[] ids = tokens.toArray();
        boolean[] loss = new boolean[ids.length];
        TargetClass[] c = new TargetClass[ids.length];
        int[] e = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            c[i] = classes.get(i);
            e[i] = evidence.get(i);
            loss[i] = c[i] != TargetClass.NONE;
        }
        return new TrainingDocument(kind, ids, answerStart, loss, c, e);
    }

    private int label(int start, int n, TargetClass c) {
        for (int i = 0; i < n; i++) {
            classes.add(c);
            evidence.add(-1);
        }
        return start;
    }
}
