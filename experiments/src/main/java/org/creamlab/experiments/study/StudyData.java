package org.creamlab.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.data.CopyWarmup;
import org.creamlab.data.EpisodeMix;
import org.creamlab.data.FillerGrammar;
import org.creamlab.data.Lexicon;
import org.creamlab.data.LinesGenerator;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.NumberBlocks;
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

    /**
     * The fine-tuning rows' episode mix the study was calibrated with (docs/study.md, runs 12-13): kv
     * three times and lines twice as often as needle, passkey and copies. Parameter {@code mix}.
     */
    public static final String CALIBRATED_MIX = "kv=3+lines=2";

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

    /** Share of {@code episodes} documents in the fine-tuning mixture: the other five kinds weigh 1 each. */
    static final double EPISODES_WEIGHT = 5.0;

    /**
     * The extension fine-tuning documents for a base of window {@code window}: the long-document
     * mixture (each task at full length with its question at the end, and filler) plus, for half of
     * the documents, runs of complete task samples of at most {@code window} tokens and of gapped copy
     * sequences ({@link LongDocumentGenerator#EPISODES}), which put answers and copy targets (what the
     * retrieval circuits learn from) all through a document. Every method gets the same documents.
     *
     * <p>Measured on the calibration seed (docs/study.md): with the plain mixture alone, CREAM
     * fine-tuning left every retrieval task at 0 after 250 or 1,000 steps; the episodes alone did not
     * change that within 400 steps; with the episodes and a loss that skips the random record tokens
     * ({@link ExtensionBatches}) passkey came back to .97 / .73 / .57 at 256 / 512 / 1,024 tokens.
     */
    public LongDocumentGenerator extensionDocuments(int window) {
        return extensionDocuments(window, EpisodeMix.even());
    }

    /** The same with the given frequency of each episode kind (parameter {@code mix}). */
    public LongDocumentGenerator extensionDocuments(int window, EpisodeMix mix) {
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        for (String t : Tasks.ALL) {
            weights.put(t, 1.0);
        }
        weights.put(LongDocumentGenerator.FILLER, 1.0);
        weights.put(LongDocumentGenerator.EPISODES, EPISODES_WEIGHT);
        return new LongDocumentGenerator(tokenizer, tasks, new FillerGrammar(), weights, MAX_ANSWER_TOKENS, window, copy, mix);
    }

    /**
     * Far copies for rows of {@code rowLength} tokens: gapped copies over the same pool whose gap may fill
     * the row ({@link LongDocumentGenerator#withFarCopies}), for the {@code farCopies} option.
     */
    public CopyWarmup farCopy(int rowLength) {
        List<String> pool = new ArrayList<>(lexicon.lineKeys());
        pool.addAll(lexicon.ids());
        pool.addAll(lexicon.numbers().vocabulary());
        return new CopyWarmup(tokenizer, pool, 8, 50, Math.max(16, rowLength - 2 * 50 - 4));
    }

    /**
     * The task generators for spanning full-length rows with LongChat-Lines numbers drawn in
     * {@code blocks} clusters of one first number piece each ({@link NumberBlocks}, blocks of
     * {@code 10^digitsPerPiece} values), for the {@code fullSpanLinesBlocks} option: a record's numbers then
     * share their first piece with many others, so its last piece must be read from the asked line.
     *
     * @throws IllegalArgumentException if {@code blocks < 1} or the value range holds fewer whole blocks
     * @throws IllegalStateException if this data's lines task is not a {@link LinesGenerator}
     */
    public TaskGenerators spanningTasksWithLinesBlocks(int blocks) {
        if (!(tasks.get(Tasks.LINES) instanceof LinesGenerator lines)) {
            throw new IllegalStateException("the lines task is not a LinesGenerator: " + tasks.get(Tasks.LINES));
        }
        return tasks.with(Tasks.LINES, lines.withNumberBlocks(NumberBlocks.sharingFirstPieces(lexicon.numbers(), blocks)));
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

    /**
     * Held-out far-recall documents ({@link CopyWarmup#recall}): {@code count} of each length, seeded
     * apart from training streams, the same for every method.
     */
    public List<TrainingDocument> heldOutRecall(long seed, int count, List<Integer> lengths) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        List<TrainingDocument> docs = new ArrayList<>();
        for (int length : lengths) {
            for (int i = 0; i < count; i++) {
                docs.add(copy.recall(rng, length));
            }
        }
        return docs;
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
