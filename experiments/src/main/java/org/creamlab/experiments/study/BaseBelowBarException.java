package org.creamlab.experiments.study;

import java.nio.file.Path;
import java.util.Map;

/** The pre-trained model did not reach the in-window bar or the lines gate, so it is not a base (and is not cached). */
public final class BaseBelowBarException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param recorded the file that recorded this outcome in an earlier run, or null when it was
     *     measured just now
     */
    public BaseBelowBarException(BaseRecipe recipe, Map<String, Double> scores, Path recorded) {
        super("pre-trained model " + recipe.hash() + " is below the in-window bar of " + BaseTrainer.BAR
                + " on lines, kv or passkey, or below the lines gate of " + LinesGate.THRESHOLD + " (" + LinesGate.SCORE_KEY + "): " + scores + " (more pre-training steps, -Dp.pretrainSteps=..., or"
                + " another -Dp.baseSeed may help)"
                + (recorded == null ? "" : "; recorded by an earlier run in " + recorded + ", delete it to pre-train again"));
    }
}
