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

    /** One cell's counts. */
    private static final class Counts {
        int lured;
        int luredRight;
        int unlured;
        int unluredRight;
        int luredMisses;
        int luresTaken;
    }

    private final Map<EvalCell, Counts> counts = new LinkedHashMap<>();

    @Override
    public void accept(EvalCell cell, int index, TaskSample sample, TargetScores scores) {
        int[] answer = sample.answer();
        if (answer.length < 2) {
            return;
        }
        boolean right = scores.exactMatch(answer);
        Counts c = counts.computeIfAbsent(cell, k -> new Counts());
        if (hasLure(sample.prompt(), answer, sample.goldOffset())) {
            c.lured++;
            if (right) {
                c.luredRight++;
            } else {
                c.luredMisses++;
                int[] predicted = scores.argmax();
                int firstWrong = Arrays.mismatch(answer, predicted);
                if (lureTaken(sample.prompt(), answer, sample.goldOffset(), firstWrong, predicted[firstWrong])) {
                    c.luresTaken++;
                }
            }
        } else {
            c.unlured++;
            if (right) {
                c.unluredRight++;
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
            metrics.log(prefix + "/lure_samples", c.lured + c.unlured, d);
            metrics.log(prefix + "/lured_share", (double) c.lured / (c.lured + c.unlured), d);
            if (c.lured > 0) {
                metrics.log(prefix + "/tf_exact_match_lured", (double) c.luredRight / c.lured, d);
            }
            if (c.unlured > 0) {
                metrics.log(prefix + "/tf_exact_match_unlured", (double) c.unluredRight / c.unlured, d);
            }
            if (c.luredMisses > 0) {
                metrics.log(prefix + "/lure_taken", (double) c.luresTaken / c.luredMisses, d);
            }
        });
    }
}
