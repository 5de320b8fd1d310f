package org.creamlab.rope;

/**
 * A scaling with its attention factor replaced: the same frequencies and positions as
 * {@code scaling}, with cos and sin multiplied by {@code attentionFactor} (attention logits by its
 * square). Separates YaRN's two changes, the frequency band and the temperature: Linear with
 * YaRN's {@code mscale}, or YaRN with factor 1.
 *
 * @param scaling the scaling whose frequencies and positions are kept
 * @param attentionFactor finite and {@code > 0}
 */
public record TemperedScaling(RopeScaling scaling, double attentionFactor) implements RopeScaling {

    public TemperedScaling {
        if (scaling == null) {
            throw new IllegalArgumentException("the scaling to temper is required");
        }
        if (!(attentionFactor > 0) || Double.isInfinite(attentionFactor)) {
            throw new IllegalArgumentException("attention factor must be finite and > 0, got " + attentionFactor);
        }
    }

    @Override
    public String name() {
        return scaling.name();
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        return scaling.inverseFrequencies(headDim, base, sequenceLength);
    }

    @Override
    public double scalePosition(double position) {
        return scaling.scalePosition(position);
    }
}
