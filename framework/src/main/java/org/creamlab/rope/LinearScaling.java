package org.creamlab.rope;

/** Position interpolation: every position id is divided by the factor {@code s = L / N}. */
public record LinearScaling(double factor) implements RopeScaling {

    public LinearScaling {
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("rope scaling factor must be a finite number >= 1, got " + factor);
        }
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        return RopeScaling.baseInverseFrequencies(headDim, base);
    }

    @Override
    public double scalePosition(double position) {
        return position / factor;
    }
}
