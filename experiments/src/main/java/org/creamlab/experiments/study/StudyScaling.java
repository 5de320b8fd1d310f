package org.creamlab.experiments.study;

import java.util.Arrays;
import org.creamlab.experiment.RunParams;
import org.creamlab.rope.LinearScaling;
import org.creamlab.rope.LongRopeScaling;
import org.creamlab.rope.RopeScaling;
import org.creamlab.rope.RopeScalings;
import org.creamlab.rope.TemperedScaling;
import org.creamlab.rope.YarnScaling;

/**
 * The RoPE scaling of an extension run: the named standard scaling, with YaRN's correction band
 * taken from the run's {@code yarnBetaFast} and {@code yarnBetaSlow} (when it declares them).
 * A band that differs from YaRN's default on a scaling that has no band is refused, so a sweep
 * over the band cannot silently run Linear twice. A numeric {@code attentionFactor} replaces the
 * scaling's own ({@link TemperedScaling}); {@code auto} keeps it. With {@code fastPairs > 0} Linear's
 * {@code fastPairs} fastest frequency pairs are divided by {@code fastPairDivisor} instead of the factor
 * (written as a LongRoPE scaling with one divisor per pair and attention factor 1, so the checkpoint's
 * config says exactly what was run): the one-pair lever between Linear and YaRN's kept band.
 */
final class StudyScaling {

    /** The {@code attentionFactor} value that keeps the scaling's own. */
    static final String AUTO = "auto";

    private StudyScaling() {}

    /**
     * @param name a standard scaling name ({@code linear}, {@code yarn}, ...)
     * @param factor {@code s = L / N}
     * @param window the pre-trained window {@code N}
     * @throws IllegalArgumentException for an unknown name, a non-default band on a scaling other than YaRN, fast
     *     pairs on a scaling other than Linear or more fast pairs than the head has, or an attention factor that is
     *     neither {@code auto} nor a finite number {@code > 0}
     */
    static RopeScaling create(String name, int factor, int window, RunParams p) {
        RopeScaling scaling = RopeScalings.standard().create(name, factor, window);
        double fast = doubleOr(p, "yarnBetaFast", YarnScaling.DEFAULT_BETA_FAST);
        double slow = doubleOr(p, "yarnBetaSlow", YarnScaling.DEFAULT_BETA_SLOW);
        if (scaling instanceof YarnScaling yarn) {
            scaling = yarn.withBetas(fast, slow);
        } else if (fast != YarnScaling.DEFAULT_BETA_FAST || slow != YarnScaling.DEFAULT_BETA_SLOW) {
            throw new IllegalArgumentException("yarnBetaFast/yarnBetaSlow (" + fast + ", " + slow
                    + ") apply to the yarn and yarn-original scalings only, not to '" + name
                    + "'; with another scaling, reset the band to the default: -Dp.yarnBetaFast="
                    + YarnScaling.DEFAULT_BETA_FAST + " -Dp.yarnBetaSlow=" + YarnScaling.DEFAULT_BETA_SLOW);
        }
        int fastPairs = p.values().containsKey("fastPairs") ? p.getInt("fastPairs") : 0;
        if (fastPairs > 0) {
            if (!(scaling instanceof LinearScaling)) {
                throw new IllegalArgumentException("fastPairs (" + fastPairs + ") applies to the linear scaling only, not to '"
                        + name + "'");
            }
            scaling = fastPairScaling(factor, window, fastPairs, doubleOr(p, "fastPairDivisor", 1),
                    p.getInt("hidden") / p.getInt("heads"));
        }
        String attention = p.values().getOrDefault("attentionFactor", AUTO).trim();
        return attention.equals(AUTO) ? scaling : new TemperedScaling(scaling, attentionFactor(attention));
    }

    /**
     * Linear with the {@code fastPairs} fastest of the {@code headDim / 2} pairs divided by {@code divisor} instead
     * of {@code factor}, positions unscaled, attention factor 1.
     */
    private static RopeScaling fastPairScaling(int factor, int window, int fastPairs, double divisor, int headDim) {
        int pairs = headDim / 2;
        if (fastPairs > pairs) {
            throw new IllegalArgumentException("fastPairs (" + fastPairs + ") exceeds the " + pairs
                    + " frequency pairs of a head of dimension " + headDim);
        }
        double[] divisors = new double[pairs];
        Arrays.fill(divisors, factor);
        Arrays.fill(divisors, 0, fastPairs, divisor);
        return new LongRopeScaling(divisors, divisors, factor, window, 1.0);
    }

    private static double attentionFactor(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attentionFactor must be 'auto' or a number > 0, got '" + text + "'", e);
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("attentionFactor must be 'auto' or a number > 0, got '" + text + "'");
        }
        return value;
    }

    private static double doubleOr(RunParams p, String name, double fallback) {
        return p.values().containsKey(name) ? p.getDouble(name) : fallback;
    }
}
