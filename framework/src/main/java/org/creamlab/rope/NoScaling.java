package org.creamlab.rope;

/** Plain RoPE: no stretching. */
public record NoScaling() implements RopeScaling {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        return RopeScaling.baseInverseFrequencies(headDim, base);
    }
}
