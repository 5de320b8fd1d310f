package org.creamlab.experiments.study;

import java.util.Map;

/** The pre-trained model did not reach the in-window bar, so it is not a base (and is not cached). */
public final class BaseBelowBarException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BaseBelowBarException(BaseRecipe recipe, Map<String, Double> scores) {
        super("pre-trained model " + recipe.hash() + " is below the in-window bar of " + BaseTrainer.BAR
                + " on lines, kv or passkey: " + scores + " (more pre-training steps, -Dp.pretrainSteps=..., may help)");
    }
}
