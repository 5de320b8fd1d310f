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
    private final EpisodeMix mix;
    private final CopyWarmup farCopy;
    private final TaskGenerators spanningTasks;

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
        this(tokenizer, tasks, grammar, weights, maxAnswer, episodeMaxLength, copy, EpisodeMix.even());
    }

    /** As above, with the relative frequency of each episode kind. */
    public LongDocumentGenerator(Tokenizer tokenizer, TaskGenerators tasks, FillerGrammar grammar,
            Map<String, Double> weights, int maxAnswer, int episodeMaxLength, CopyWarmup copy, EpisodeMix mix) {
        this(tokenizer, tasks, grammar, weights, maxAnswer, episodeMaxLength, copy, mix, null, tasks);
    }

    private LongDocumentGenerator(Tokenizer tokenizer, TaskGenerators tasks, FillerGrammar grammar,
            Map<String, Double> weights, int maxAnswer, int episodeMaxLength, CopyWarmup copy, EpisodeMix mix,
            CopyWarmup farCopy, TaskGenerators spanningTasks) {
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
        this.mix = mix;
        this.farCopy = farCopy;
        this.spanningTasks = spanningTasks;
    }

    /**
     * This generator with far copies in {@code episodes} documents: a copy episode then draws from
     * {@code farCopy} with its gap up to the room left ({@link CopyWarmup#next(RandomGenerator, int)}),
     * so copies can sit far from their source (e.g. in full-length rows of L tokens, whose ordinary
     * copies are at most about 120 tokens long).
     */
    public LongDocumentGenerator withFarCopies(CopyWarmup farCopy) {
        return new LongDocumentGenerator(tokenizer, tasks, grammar, weights, maxAnswer, episodeMaxLength, copy, mix, farCopy,
                spanningTasks);
    }

    /**
     * This generator with {@link #spanning} documents drawn from {@code spanningTasks} instead of its
     * own task generators (e.g. LongChat-Lines records whose numbers cluster, {@link LinesGenerator#withNumberBlocks});
     * every other document is unchanged.
     *
     * @throws IllegalArgumentException if {@code spanningTasks} does not name the same tasks as this generator's
     */
    public LongDocumentGenerator withSpanningTasks(TaskGenerators spanningTasks) {
        if (!spanningTasks.names().equals(tasks.names())) {
            throw new IllegalArgumentException("spanning tasks " + spanningTasks.names() + " differ from the documents' "
                    + tasks.names());
        }
        return new LongDocumentGenerator(tokenizer, tasks, grammar, weights, maxAnswer, episodeMaxLength, copy, mix, farCopy,
                spanningTasks);
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
            LabelledDocumentBuilder doc = new LabelledDocumentBuilder(tokenizer);
            doc.unlabelled(new int[] {tokenizer.specialTokens().bos()});
            doc.filler(new FillerStream(tokenizer, grammar, rng).take(length - 1));
            return doc.build(FILLER, 1);
        }
        TaskSample s = tasks.get(kind).sample(rng, length - maxAnswer - 1, Placement.uniform());
        LabelledDocumentBuilder doc = new LabelledDocumentBuilder(tokenizer);
        int answerStart = doc.task(s);
        return doc.build(kind, answerStart);
    }

    /**
     * Short task samples (task uniform, length uniform up to the episode length; a copy sequence as
     * a fifth kind when there is one) back to back, then filler.
     */
    private TrainingDocument episodes(RandomGenerator rng, int length) {
        return episodes(rng, length, episodeMaxLength);
    }

    /**
     * An {@code episodes} document of {@code length} tokens whose task samples are each at most
     * {@code longest} tokens (copies as a fifth kind when they fit): answers all through the
     * document, each with its evidence inside its own episode.
     *
     * @throws IllegalStateException when this generator was built without episodes
     */
    public TrainingDocument episodes(RandomGenerator rng, int length, int longest) {
        int shortest = shortestEpisode(tasks, maxAnswer);
        if (longest <= shortest) {
            throw new IllegalArgumentException("setting 'episodeMaxLength': " + longest
                    + " tokens cannot hold a task sample (needs more than " + shortest + ")");
        }
        LabelledDocumentBuilder doc = new LabelledDocumentBuilder(tokenizer);
        while (length - doc.size() >= shortest) {
            int room = length - doc.size();
            int kind = mix.draw(rng, copy != null || farCopy != null);
            if (kind == Tasks.ALL.size()) {
                if (farCopy != null && farCopy.minimumTokens() <= room) {
                    doc.document(farCopy.next(rng, room));
                    continue;
                }
                if (copy != null && copy.maximumTokens() <= room) {
                    doc.document(copy.next(rng));
                    continue;
                }
                kind = mix.draw(rng, false);
            }
            int episode = (int) Draws.between(rng, shortest, Math.min(longest, room));
            String task = Tasks.ALL.get(kind);
            doc.task(tasks.get(task).sample(rng, episode - maxAnswer - 1, Placement.uniform()));
        }
        if (length - doc.size() > 0) {
            doc.filler(new FillerStream(tokenizer, grammar, rng).take(length - doc.size()));
        }
        return doc.build(EPISODES, 1);
    }

    /**
     * One task sample that spans the whole document: its kind drawn from the episode mix (copies
     * excluded), its prompt generated for {@code length - maxAnswer - 1} tokens with the gold item
     * placed uniformly, then its answer, {@code <eos>} and filler to exactly {@code length} tokens. Its
     * evidence-to-answer distances are uniform up to the document's length.
     */
    public TrainingDocument spanning(RandomGenerator rng, int length) {
        return spanning(rng, length, 1);
    }

    /**
     * As {@link #spanning(RandomGenerator, int)}, and a key-value record is asked {@code kvQuestions}
     * times ({@link KvRetrievalGenerator#sampleAsked}): as many long-range answers from one record.
     */
    public TrainingDocument spanning(RandomGenerator rng, int length, int kvQuestions) {
        return spanning(rng, length, kvQuestions, 1);
    }

    /**
     * As {@link #spanning(RandomGenerator, int)}, and a key-value record is asked {@code kvQuestions}
     * times, a LongChat-Lines record {@code linesQuestions} times ({@link AskableTaskGenerator#sampleAsked}):
     * as many long-range answers from one record. With both at 1 the same document as the two-argument form.
     */
    public TrainingDocument spanning(RandomGenerator rng, int length, int kvQuestions, int linesQuestions) {
        int kind = mix.draw(rng, false);
        LabelledDocumentBuilder doc = new LabelledDocumentBuilder(tokenizer);
        String task = Tasks.ALL.get(kind);
        int questions = task.equals(Tasks.KV) ? kvQuestions : task.equals(Tasks.LINES) ? linesQuestions : 1;
        if (questions > 1 && spanningTasks.get(task) instanceof AskableTaskGenerator askable) {
            doc.task(askable.sampleAsked(rng, length - maxAnswer - 1 - askable.followUpTokens(questions - 1), questions));
        } else {
            doc.task(spanningTasks.get(task).sample(rng, length - maxAnswer - 1, Placement.uniform()));
        }
        if (doc.size() > length) {
            throw new IllegalStateException("a spanning " + task + " document came out " + doc.size()
                    + " tokens long for a row of " + length);
        }
        if (length - doc.size() > 0) {
            doc.filler(new FillerStream(tokenizer, grammar, rng).take(length - doc.size()));
        }
        return doc.build(EPISODES, 1);
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
