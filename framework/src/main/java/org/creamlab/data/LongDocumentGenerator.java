package org.creamlab.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Long documents for extension fine-tuning, and held-out ones for perplexity: each is one retrieval
 * task at full length (its question at the end, then the answer and {@code <eos>}) or filler prose,
 * the kind drawn by weight.
 *
 * <p>An {@code episodes} document (when the generator was given an episode length) is a run of
 * complete short task samples, each at most {@code episodeMaxLength} tokens with its question, answer
 * and {@code <eos>}, one after another up to {@code length} (the rest filler): answers every few
 * dozen tokens throughout the document. Its loss targets are the answers (with {@code <eos>}), the
 * copies and the trailing filler; a task document's are its answer and {@code <eos>}; a filler
 * document's are all its tokens (see {@link TrainingDocument#lossTargets()}).
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
    /** The kind made of consecutive short task samples. */
    public static final String EPISODES = "episodes";

    private final Tokenizer tokenizer;
    private final TaskGenerators tasks;
    private final FillerGrammar grammar;
    private final Map<String, Double> weights;
    private final double total;
    private final int maxAnswer;
    private final int episodeMaxLength;
    private final CopyWarmup copy;

    /**
     * @param weights kind ({@code filler} or a task name) to a positive weight
     * @param maxAnswer the most answer tokens a task can have (2 with the miniature defaults)
     */
    public LongDocumentGenerator(Tokenizer tokenizer, TaskGenerators tasks, FillerGrammar grammar,
            Map<String, Double> weights, int maxAnswer) {
        this(tokenizer, tasks, grammar, weights, maxAnswer, 0, null);
    }

    /**
     * @param weights kind ({@code filler}, {@code episodes} or a task name) to a positive weight
     * @param maxAnswer the most answer tokens a task can have (2 with the miniature defaults)
     * @param episodeMaxLength the longest episode of an {@code episodes} document (e.g. the window N);
     *     0 when the mixture has no {@code episodes}
     * @param copy copy sequences to use as one more episode kind (when they fit the episode length), or null
     */
    public LongDocumentGenerator(Tokenizer tokenizer, TaskGenerators tasks, FillerGrammar grammar,
            Map<String, Double> weights, int maxAnswer, int episodeMaxLength, CopyWarmup copy) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("setting 'mixture': needs at least one kind");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getKey().equals(EPISODES)) {
                if (episodeMaxLength <= shortestEpisode(tasks, maxAnswer)) {
                    throw new IllegalArgumentException("setting 'episodeMaxLength': " + episodeMaxLength
                            + " tokens cannot hold a task sample (needs more than " + shortestEpisode(tasks, maxAnswer) + ")");
                }
            } else if (!e.getKey().equals(FILLER)) {
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
        this.episodeMaxLength = episodeMaxLength;
        this.copy = copy != null && copy.maximumTokens() <= episodeMaxLength ? copy : null;
    }

    /** The shortest complete task sample: the longest task minimum, its answer and {@code <eos>}. */
    private static int shortestEpisode(TaskGenerators tasks, int maxAnswer) {
        int min = 0;
        for (String t : Tasks.ALL) {
            min = Math.max(min, tasks.get(t).minimumLength());
        }
        return min + maxAnswer + 1;
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
        if (kind.equals(EPISODES)) {
            return episodes(rng, length);
        }
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
     * Short task samples (task uniform, length uniform up to the episode length; a copy sequence as
     * a fifth kind when there is one) back to back, then filler.
     */
    private TrainingDocument episodes(RandomGenerator rng, int length) {
        int shortest = shortestEpisode(tasks, maxAnswer);
        PromptBuilder doc = new PromptBuilder(tokenizer);
        java.util.BitSet targets = new java.util.BitSet();
        int used = 0;
        while (length - used >= shortest) {
            int room = length - used;
            int kind = rng.nextInt(Tasks.ALL.size() + (copy == null ? 0 : 1));
            if (kind == Tasks.ALL.size()) {
                if (copy.maximumTokens() <= room) {
                    TrainingDocument c = copy.next(rng);
                    int start = doc.append(c.tokens());
                    targets.set(start + c.answerStart(), start + c.length());
                    used = doc.size();
                    continue;
                }
                kind = rng.nextInt(Tasks.ALL.size());
            }
            int episode = (int) Draws.between(rng, shortest, Math.min(episodeMaxLength, room));
            String task = Tasks.ALL.get(kind);
            TaskSample s = tasks.get(task).sample(rng, episode - maxAnswer - 1, Placement.uniform());
            doc.append(s.prompt());
            int answer = doc.append(s.answer());
            doc.appendToken(tokenizer.specialTokens().eos());
            used = doc.size();
            targets.set(answer, used);
        }
        if (length - used > 0) {
            doc.append(new FillerStream(tokenizer, grammar, rng).take(length - used));
            targets.set(used, length);
        }
        int[] tokens = doc.toArray();
        boolean[] loss = new boolean[tokens.length];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = targets.get(i);
        }
        return new TrainingDocument(EPISODES, tokens, 1, loss);
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
