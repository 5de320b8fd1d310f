package org.creamlab.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.data.CopyWarmup;
import org.creamlab.data.FillerGrammar;
import org.creamlab.data.Lexicon;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.TaskGenerator;
import org.creamlab.data.TaskGenerators;
import org.creamlab.data.Tasks;
import org.creamlab.data.TrainingDocument;
import org.creamlab.data.WordTokenizer;

/**
 * The miniature study's vocabulary and generators, built the same way every time: the word-level
 * tokenizer over the miniature lexicon (single-token line keys and ids), the four retrieval tasks,
 * the long-document mixture and the copy warm-up.
 *
 * @param lexicon the word lists
 * @param tokenizer the vocabulary
 * @param tasks lines, kv, needle and passkey generators
 * @param documents equal parts of the four tasks and filler
 * @param copy gapped copy sequences over line keys, ids and number pieces (the warm-up that breaks the retrieval plateau)
 */
public record StudyData(Lexicon lexicon, WordTokenizer tokenizer, TaskGenerators tasks, LongDocumentGenerator documents,
                        CopyWarmup copy) {

    /** Answers are at most two tokens (numbers in two-digit pieces, or one id). */
    public static final int MAX_ANSWER_TOKENS = 2;

    public static StudyData miniature() {
        Lexicon lexicon = Lexicon.miniature();
        WordTokenizer tokenizer = WordTokenizer.forLexicon(lexicon);
        TaskGenerators tasks = TaskGenerators.miniature(tokenizer, lexicon);
        LongDocumentGenerator documents = LongDocumentGenerator.evenMixture(tokenizer, tasks, MAX_ANSWER_TOKENS);
        List<String> pool = new ArrayList<>(lexicon.lineKeys());
        pool.addAll(lexicon.ids());
        pool.addAll(lexicon.numbers().vocabulary());   // lines answers are number pieces: the copy must cover them
        CopyWarmup copy = new CopyWarmup(tokenizer, pool, 8, 50, 16);
        return new StudyData(lexicon, tokenizer, tasks, documents, copy);
    }

    /**
     * Held-out filler documents of exactly {@code length} tokens for perplexity (task documents land
     * up to one line short of a length, which a perplexity at L cannot use). Seeded apart from
     * training streams and the same for every method.
     */
    public List<TrainingDocument> heldOutFiller(long seed, int count, int length) {
        return new LongDocumentGenerator(tokenizer, tasks, new FillerGrammar(), Map.of(LongDocumentGenerator.FILLER, 1.0),
                MAX_ANSWER_TOKENS).heldOut(seed, count, length);
    }

    /** The shortest document every task can fill, plus room for the answer and {@code <eos>}. */
    public int minimumDocumentLength() {
        int min = 0;
        for (String t : Tasks.ALL) {
            TaskGenerator g = tasks.get(t);
            min = Math.max(min, g.minimumLength());
        }
        return min + MAX_ANSWER_TOKENS + 1;
    }
}
