package org.creamlab.eval;

/**
 * How to run an evaluation.
 *
 * @param greedy decode greedily and apply the published scorer
 * @param teacherForced score teacher-forced exact match of the answer tokens (no decoding)
 * @param maxNewTokens greedy decoding budget (the published runs use 35 for lines, 50 otherwise)
 * @param batchSize prompts per teacher-forced call
 * @param metricPrefix metric names start with it, e.g. {@code eval}
 */
public record EvalOptions(boolean greedy, boolean teacherForced, int maxNewTokens, int batchSize, String metricPrefix) {

    public EvalOptions {
        if (!greedy && !teacherForced) {
            throw new IllegalArgumentException("settings 'greedy' and 'teacherForced': at least one must be on");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("setting 'maxNewTokens' must be >= 1, got " + maxNewTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("setting 'batchSize' must be >= 1, got " + batchSize);
        }
    }

    /** Both scorings, 8 new tokens, batches of 8, prefix {@code eval}. */
    public static EvalOptions defaults() {
        return new EvalOptions(true, true, 8, 8, "eval");
    }
}
