package org.creamlab.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Long documents for extension fine-tuning, and held-out ones for perplexity: each is one retrieval
 * task at full length (its question at the end, then the answer and {@code <eos>}) or filler prose,
 * the kind drawn by weight.
 *
 * <p>A filler document is exactly {@code length} tokens. A task document's prompt is generated for
 * {@code length - maxAnswer - 1} tokens (the gold item placed uniformly), then the answer and
 * {@code <eos>} follow, so it is at most {@code length} tokens and lands within one line or pair of
 * it. Held-out documents are the same distribution drawn from a separate seed stream (see
 * {@link #heldOut}), so no document text is shared with training unless by chance.
 */
public final class LongDocumentGenerator {

    /** The filler kind. */
    public static final String FILLER = "filler";

    private final Tokenizer tokenizer;
    private final TaskGenerators tasks;
    private final FillerGrammar grammar;
    private final Map<String, Double> weights;
    private final double total;
    private final int maxAnswer;

    /**
     * @param weights kind ({@code filler} or a task name) to a positive weight
     * @param maxAnswer the most answer tokens a task can have (2 with the miniature defaults)
     */
    public LongDocumentGenerator(Tokenizer tokenizer, TaskGenerators tasks, FillerGrammar grammar,
            Map<String, Double> weights, int maxAnswer) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("setting 'mixture': needs at least one kind");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!e.getKey().equals(FILLER)) {
                tasks.get(e.getKey());
            }
            if (!(e.getValue() > 0)) {
                throw new IllegalArgumentException("setting 'mixture': weight of " + e.getKey() + " must be > 0, got "
                        + e.getValue());
            }
            sum += e.getValue();
        }
        this.tokenizer = tokenizer;
        this.tasks = tasks;
        this.grammar = grammar;
        this.weights = new LinkedHashMap<>(weights);
        this.total = sum;
        this.maxAnswer = maxAnswer;
    }

    /** Equal parts lines, kv, needle, passkey and filler. */
    public static LongDocumentGenerator evenMixture(Tokenizer tokenizer, TaskGenerators tasks, int maxAnswer) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String t : Tasks.ALL) {
            w.put(t, 1.0);
        }
        w.put(FILLER, 1.0);
        return new LongDocumentGenerator(tokenizer, tasks, new FillerGrammar(), w, maxAnswer);
    }

    /** The next document of at most {@code length} tokens. */
    public TrainingDocument next(RandomGenerator rng, int length) {
        String kind = drawKind(rng);
        if (kind.equals(FILLER)) {
            if (length < 2) {
                throw new IllegalArgumentException("setting 'length': a filler document needs at least 2 tokens");
            }
            PromptBuilder doc = new PromptBuilder(tokenizer);
            doc.appendToken(tokenizer.specialTokens().bos());
            doc.append(new FillerStream(tokenizer, grammar, rng).take(length - 1));
            return new TrainingDocument(FILLER, doc.toArray(), 1);
        }
        TaskSample s = tasks.get(kind).sample(rng, length - maxAnswer - 1, Placement.uniform());
        PromptBuilder doc = new PromptBuilder(tokenizer);
        doc.append(s.prompt());
        int answerStart = doc.append(s.answer());
        doc.appendToken(tokenizer.specialTokens().eos());
        return new TrainingDocument(kind, doc.toArray(), answerStart);
    }

    /**
     * {@code count} held-out documents of {@code length} tokens for seed {@code seed}: drawn from a
     * generator seeded with {@code seed} mixed with a fixed salt, so they differ from training streams
     * seeded with {@code seed} itself, and are the same for every method.
     */
    public java.util.List<TrainingDocument> heldOut(long seed, int count, int length) {
        RandomGenerator rng = new java.util.SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        java.util.List<TrainingDocument> docs = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            docs.add(next(rng, length));
        }
        return docs;
    }

    private String drawKind(RandomGenerator rng) {
        double u = rng.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }
}
