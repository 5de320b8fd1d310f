package org.creamlab.rope;

/** Shared argument checks for the scalings; messages name the setting. */
final class ScalingFactors {

    private ScalingFactors() {}

    static double requireFactor(double factor) {
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("rope scaling factor must be a finite number >= 1, got " + factor);
        }
        return factor;
    }

    static int requireOriginalWindow(int originalWindow) {
        if (originalWindow < 1) {
            throw new IllegalArgumentException("original window N must be >= 1, got " + originalWindow);
        }
        return originalWindow;
    }

    /** NTK's base exponent {@code d / (d - 2)}; needs {@code d > 2}. */
    static double ntkExponent(int headDim) {
        if (headDim <= 2 || headDim % 2 != 0) {
            throw new IllegalArgumentException("headDim must be even and > 2 for NTK scaling, got " + headDim);
        }
        return headDim / (headDim - 2.0);
    }
}
