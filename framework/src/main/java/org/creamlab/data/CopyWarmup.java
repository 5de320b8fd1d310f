package org.creamlab.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Copy warm-up sequences for pre-training the base model: {@code <bos> x1..xm <sep> x1..xm <eos>} with
 * the {@code x} drawn uniformly from a token pool, {@code m} uniform in {@code [minLength, maxLength]}.
 * The miniature study found this the decisive ingredient for learning key-value retrieval (the loss
 * goes on the copy: {@link TrainingDocument#answerStart()} is the first copied token).
 */
public final class CopyWarmup {

    private final WordTokenizer tokenizer;
    private final int[] pool;
    private final int minLength;
    private final int maxLength;

    /**
     * @param poolWords the words to copy (e.g. line keys, ids); all in the vocabulary
     * @param minLength shortest copied run, at least 1
     * @param maxLength longest copied run
     */
    public CopyWarmup(WordTokenizer tokenizer, List<String> poolWords, int minLength, int maxLength) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("setting 'copyLength': need 1 <= min <= max, got [" + minLength + ", "
                    + maxLength + "]");
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
    }

    /** The next copy sequence, {@code 2m + 3} tokens. */
    public TrainingDocument next(RandomGenerator rng) {
        int m = (int) Draws.between(rng, minLength, maxLength);
        int[] tokens = new int[2 * m + 3];
        tokens[0] = tokenizer.specialTokens().bos();
        for (int i = 0; i < m; i++) {
            tokens[1 + i] = pool[rng.nextInt(pool.length)];
            tokens[m + 2 + i] = tokens[1 + i];
        }
        tokens[m + 1] = tokenizer.separator();
        tokens[2 * m + 2] = tokenizer.specialTokens().eos();
        return new TrainingDocument("copy", tokens, m + 2);
    }
}
