package org.creamlab.experiments.study;

import org.creamlab.experiment.RunParams;
import org.creamlab.rope.RopeScaling;
import org.creamlab.rope.RopeScalings;
import org.creamlab.rope.YarnScaling;

/**
 * The RoPE scaling of an extension run: the named standard scaling, with YaRN's correction band
 * taken from the run's {@code yarnBetaFast} and {@code yarnBetaSlow} (when it declares them).
 * A band that differs from YaRN's default on a scaling that has no band is refused, so a sweep
 * over the band cannot silently run Linear twice.
 */
final class StudyScaling {

    private StudyScaling() {}

    /**
     * @param name a standard scaling name ({@code linear}, {@code yarn}, ...)
     * @param factor {@code s = L / N}
     * @param window the pre-trained window {@code N}
     * @throws IllegalArgumentException for an unknown name, or a non-default band on a scaling other than YaRN
     */
    static RopeScaling create(String name, int factor, int window, RunParams p) {
        RopeScaling scaling = RopeScalings.standard().create(name, factor, window);
        double fast = band(p, "yarnBetaFast", YarnScaling.DEFAULT_BETA_FAST);
        double slow = band(p, "yarnBetaSlow", YarnScaling.DEFAULT_BETA_SLOW);
        if (scaling instanceof YarnScaling yarn) {
            return yarn.withBetas(fast, slow);
        }
        if (fast != YarnScaling.DEFAULT_BETA_FAST || slow != YarnScaling.DEFAULT_BETA_SLOW) {
            throw new IllegalArgumentException("yarnBetaFast/yarnBetaSlow (" + fast + ", " + slow
                    + ") apply to the yarn and yarn-original scalings only, not to '" + name + "'");
        }
        return scaling;
    }

    private static double band(RunParams p, String name, double fallback) {
        return p.values().containsKey(name) ? p.getDouble(name) : fallback;
    }
}
