package org.creamlab.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Copy warm-up sequences for pre-training the base model: {@code <bos> x1..xm <sep> g1..gk <sep>
 * x1..xm <eos>}, the {@code x} and the gap tokens {@code g} drawn uniformly from a token pool, {@code m}
 * uniform in {@code [minLength, maxLength]} and {@code k} uniform in {@code [0, maxGap]}. The loss goes
 * on the copy: {@link TrainingDocument#answerStart()} is the first copied token.
 *
 * <p>The gap matters (docs/base-recipe.md): with {@code maxGap = 0} the copy always starts at the
 * same offset after its source, and a 2-layer model learns it by position, which does not transfer
 * to retrieval. With a random gap only content matching (an induction head) solves the copy, and
 * retrieval is then learned within a few hundred steps.
 */
public final class CopyWarmup {

    private final WordTokenizer tokenizer;
    private final int[] pool;
    private final int minLength;
    private final int maxLength;
    private final int maxGap;

    /** A warm-up without gaps (the copy starts right after the separator). */
    public CopyWarmup(WordTokenizer tokenizer, List<String> poolWords, int minLength, int maxLength) {
        this(tokenizer, poolWords, minLength, maxLength, -1);
    }

    /**
     * @param poolWords the words to copy and to fill gaps with (e.g. line keys, ids); all in the vocabulary
     * @param minLength shortest copied run, at least 1
     * @param maxLength longest copied run
     * @param maxGap longest gap between the two separators, at least 0; {@code -1} for the gapless
     *     layout {@code <bos> x <sep> x <eos>} (one separator)
     */
    public CopyWarmup(WordTokenizer tokenizer, List<String> poolWords, int minLength, int maxLength, int maxGap) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("setting 'copyLength': need 1 <= min <= max, got [" + minLength + ", "
                    + maxLength + "]");
        }
        if (maxGap < -1) {
            throw new IllegalArgumentException("setting 'copyGap': need -1 (no gap) or a length >= 0, got " + maxGap);
        }
        if (poolWords.isEmpty()) {
            throw new IllegalArgumentException("setting 'copyPool': needs at least one word");
        }
        this.tokenizer = tokenizer;
        this.pool = new int[poolWords.size()];
        for (int i = 0; i < pool.length; i++) {
            if (!tokenizer.contains(poolWords.get(i))) {
                throw new IllegalArgumentException("setting 'copyPool': '" + poolWords.get(i) + "' is not in the vocabulary");
            }
            pool[i] = tokenizer.id(poolWords.get(i));
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.maxGap = maxGap;
    }

    /** The longest sequence this warm-up draws, in tokens. */
    public int maximumTokens() {
        return 2 * maxLength + 3 + (maxGap < 0 ? 0 : maxGap + 1);
    }

    /**
     * A far-recall sequence of exactly {@code length} tokens for held-out perplexity:
     * {@code <bos> x1..xm <sep> x1..xc} with {@code m = (length - 2 + 1) / 2} pool words and the first
     * {@code c = length - 2 - m} of them repeated. The repeat (from {@link TrainingDocument#answerStart()})
     * is predictable only from its source about {@code length / 2} tokens back: its perplexity measures
     * the use of far context, unlike filler, which local context predicts.
     *
     * @throws IllegalArgumentException when {@code length < 4}
     */
    public TrainingDocument recall(RandomGenerator rng, int length) {
        if (length < 4) {
            throw new IllegalArgumentException("setting 'length': a recall sequence needs at least 4 tokens, got " + length);
        }
        int m = (length - 1) / 2;
        int c = length - 2 - m;
        int[] tokens = new int[length];
        tokens[0] = tokenizer.specialTokens().bos();
        for (int i = 0; i < m; i++) {
            tokens[1 + i] = pool[rng.nextInt(pool.length)];
        }
        tokens[m + 1] = tokenizer.separator();
        System.arraycopy(tokens, 1, tokens, m + 2, c);
        boolean[] loss = new boolean[length];
        TargetClass[] classes = new TargetClass[length];
        int[] evidence = new int[length];
        java.util.Arrays.fill(classes, TargetClass.NONE);
        java.util.Arrays.fill(evidence, -1);
        for (int i = m + 2; i < length; i++) {
            loss[i] = true;
            classes[i] = TargetClass.COPY;
            evidence[i] = i - (m + 1);
        }
        return new TrainingDocument("recall", tokens, m + 2, loss, classes, evidence);
    }

    /** The next copy sequence: {@code 2m + 3} tokens without gaps, {@code 2m + k + 4} with. */
    public TrainingDocument next(RandomGenerator rng) {
        int m = (int) Draws.between(rng, minLength, maxLength);
        int gap = maxGap < 0 ? -1 : (int) Draws.between(rng, 0, maxGap);
        return build(rng, m, gap);
    }

    /** The fewest tokens a gapped sequence of this warm-up takes (shortest run, no gap). */
    public int minimumTokens() {
        return 2 * minLength + 3 + (maxGap < 0 ? 0 : 1);
    }

    /**
     * A gapped copy sequence of at most {@code maxTokens} tokens: the run length as in {@link #next},
     * then the gap uniform up to what still fits (and {@code maxGap}). With a long {@code maxGap} this
     * puts the copy far from its source: a far-recall training sequence.
     *
     * @throws IllegalArgumentException when not even the shortest sequence fits, or without gaps
     */
    public TrainingDocument next(RandomGenerator rng, int maxTokens) {
        if (maxGap < 0 || maxTokens < minimumTokens()) {
            throw new IllegalArgumentException("setting 'maxTokens': " + maxTokens + " cannot hold a gapped copy (needs "
                    + minimumTokens() + ")");
        }
        int m = (int) Draws.between(rng, minLength, Math.min(maxLength, (maxTokens - 4) / 2));
        int gap = (int) Draws.between(rng, 0, Math.min(maxGap, maxTokens - 2 * m - 4));
        return build(rng, m, gap);
    }

    private TrainingDocument build(RandomGenerator rng, int m, int gap) {
        int copyStart = m + 2 + (gap + 1);
        int[] tokens = new int[copyStart + m + 1];
        tokens[0] = tokenizer.specialTokens().bos();
        for (int i = 0; i < m; i++) {
            tokens[1 + i] = pool[rng.nextInt(pool.length)];
        }
        tokens[m + 1] = tokenizer.separator();
        for (int g = 0; g < gap; g++) {
            tokens[m + 2 + g] = pool[rng.nextInt(pool.length)];
        }
        if (gap >= 0) {
            tokens[copyStart - 1] = tokenizer.separator();
        }
        System.arraycopy(tokens, 1, tokens, copyStart, m);
        tokens[tokens.length - 1] = tokenizer.specialTokens().eos();
        boolean[] loss = new boolean[tokens.length];
        TargetClass[] classes = new TargetClass[tokens.length];
        int[] evidence = new int[tokens.length];
        java.util.Arrays.fill(classes, TargetClass.NONE);
        java.util.Arrays.fill(evidence, -1);
        for (int i = copyStart; i < tokens.length; i++) {
            loss[i] = true;
            boolean copied = i < tokens.length - 1;
            classes[i] = copied ? TargetClass.COPY : TargetClass.FILLER;
            evidence[i] = copied ? 1 + (i - copyStart) : -1;   // the source token it repeats
        }
        return new TrainingDocument("copy", tokens, copyStart, loss, classes, evidence);
    }
}
