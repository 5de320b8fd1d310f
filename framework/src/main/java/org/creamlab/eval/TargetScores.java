package org.creamlab.eval;

/**
 * A model's teacher-forced view of one target sequence.
 *
 * @param logProbs natural-log probability of each target token
 * @param argmax the model's most likely token at each target position
 */
public record TargetScores(float[] logProbs, int[] argmax) {

    public TargetScores {
        if (logProbs.length != argmax.length) {
            throw new IllegalArgumentException("logProbs and argmax differ in length");
        }
        logProbs = logProbs.clone();
        argmax = argmax.clone();
    }

    @Override
    public float[] logProbs() {
        return logProbs.clone();
    }

    @Override
    public int[] argmax() {
        return argmax.clone();
    }

    /** Whether the argmax equals {@code target} at every position: teacher-forced exact match. */
    public boolean exactMatch(int[] target) {
        return java.util.Arrays.equals(argmax, target);
    }

    /** Sum of the negative log-probabilities. */
    public double totalNll() {
        double s = 0;
        for (float lp : logProbs) {
            s -= lp;
        }
        return s;
    }
}
