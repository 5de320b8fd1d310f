package org.creamlab.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creamlab.data.TaskSample;
import org.creamlab.metric.MetricLog;

/**
 * Tallies, per evaluation cell, how a model fares on answers with a <em>lure</em>: a multi-token answer
 * whose first token also occurs elsewhere in the prompt followed by another token than the answer's
 * second. Predicting each next answer token as whatever followed the tokens so far elsewhere in the
 * prompt (an induction-style copy) is then wrong. A LongChat-Lines number ({@code 42 ##17}) has a lure
 * when another line's number shares its first piece ({@code 42 ##90}); a one-piece number {@code 42} followed by
 * a line break is one too (copying what follows it is wrong just the same).
 *
 * <p>{@link #log} writes, for every cell with at least one multi-token answer:
 * <ul>
 *   <li>{@code <prefix>/lure_samples}: its multi-token samples (the ones tallied), and
 *       {@code <prefix>/lured_share}: the share of them with a lure;</li>
 *   <li>{@code <prefix>/tf_exact_match_lured} and {@code <prefix>/tf_exact_match_unlured}: teacher-forced exact
 *       match over the samples with and without a lure (each only when there are such samples);</li>
 *   <li>{@code <prefix>/lure_taken}: of the misses with a lure, the share whose first wrong token is the one
 *       that follows the answer's preceding tokens somewhere else in the prompt (only when there are such misses).</li>
 * </ul>
 * One instance per evaluation; not thread-safe.
 */
public final class LureTally implements PredictionSink {

    private static final int LURED = 0;
    private static final int LURED_RIGHT = 1;
    private static final int UNLURED = 2;
    private static final int UNLURED_RIGHT = 3;
    private static final int LURED_MISSES = 4;
    private static final int LURES_TAKEN = 5;

    private final Map<EvalCell, int[]> counts = new LinkedHashMap<>();

    @Override
    public void accept(EvalCell cell, int index, TaskSample sample, TargetScores scores) {
        int[] answer = sample.answer();
        if (answer.length < 2) {
            return;
        }
        boolean right = scores.exactMatch(answer);
        int[] c = counts.computeIfAbsent(cell, k -> new int[6]);
        if (hasLure(sample.prompt(), answer, sample.goldOffset())) {
            c[LURED]++;
            if (right) {
                c[LURED_RIGHT]++;
            } else {
                c[LURED_MISSES]++;
                int[] predicted = scores.argmax();
                int firstWrong = Arrays.mismatch(answer, predicted);
                if (lureTaken(sample.prompt(), answer, sample.goldOffset(), firstWrong, predicted[firstWrong])) {
                    c[LURES_TAKEN]++;
                }
            }
        } else {
            c[UNLURED]++;
            if (right) {
                c[UNLURED_RIGHT]++;
            }
        }
    }

    /**
     * Whether {@code answer}'s first token occurs in {@code prompt} at an index other than
     * {@code goldOffset} and is followed there by a token other than {@code answer[1]}.
     *
     * @param answer at least two tokens
     */
    static boolean hasLure(int[] prompt, int[] answer, int goldOffset) {
        for (int i = 0; i + 1 < prompt.length; i++) {
            if (i != goldOffset && prompt[i] == answer[0] && prompt[i + 1] != answer[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code wrongToken}, predicted at answer index {@code firstWrong >= 1}, follows the answer's
     * first {@code firstWrong} tokens somewhere in {@code prompt} other than at {@code goldOffset}.
     */
    static boolean lureTaken(int[] prompt, int[] answer, int goldOffset, int firstWrong, int wrongToken) {
        if (firstWrong < 1) {
            return false;
        }
        for (int i = 0; i + firstWrong < prompt.length; i++) {
            if (i != goldOffset && prompt[i + firstWrong] == wrongToken
                    && Arrays.equals(prompt, i, i + firstWrong, answer, 0, firstWrong)) {
                return true;
            }
        }
        return false;
    }

    /** Logs the figures above for every cell seen, with the cell's dimensions. */
    public void log(MetricLog metrics, String prefix) {
        counts.forEach((cell, c) -> {
            var d = cell.dimensions();
            metrics.log(prefix + "/lure_samples", c[LURED] + c[UNLURED], d);
            metrics.log(prefix + "/lured_share", (double) c[LURED] / (c[LURED] + c[UNLURED]), d);
            if (c[LURED] > 0) {
                metrics.log(prefix + "/tf_exact_match_lured", (double) c[LURED_RIGHT] / c[LURED], d);
            }
            if (c[UNLURED] > 0) {
                metrics.log(prefix + "/tf_exact_match_unlured", (double) c[UNLURED_RIGHT] / c[UNLURED], d);
            }
            if (c[LURED_MISSES] > 0) {
                metrics.log(prefix + "/lure_taken", (double) c[LURES_TAKEN] / c[LURED_MISSES], d);
            }
        });
    }
}
