package org.creamlab.positions.cream;

/**
 * The error function and the standard normal CDF in double precision (absolute error below
 * {@code 1e-14}), so no statistics library is needed.
 *
 * <p>{@code erf} uses its Maclaurin series for {@code |x| < 2.5} and the classical continued
 * fraction of {@code erfc} above.
 */
public final class StandardNormal {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_TWO = Math.sqrt(2.0);
    private static final int FRACTION_TERMS = 200;

    private StandardNormal() {}

    /** The error function. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        double value = a < 2.5 ? series(a) : 1.0 - erfcContinuedFraction(a);
        return x < 0 ? -value : value;
    }

    /**
     * The standard normal CDF written as {@code 0.5 * (1 + erf(z / sqrt 2))}, exactly the form the
     * CREAM code evaluates (so far-left values round to 0 there as here).
     */
    public static double cdf(double z) {
        return 0.5 * (1.0 + erf(z / SQRT_TWO));
    }

    private static double series(double a) {
        double square = a * a;
        double power = a;
        double sum = a;
        for (int n = 1; n < 200; n++) {
            power *= -square / n;
            double term = power / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(a) for a >= 2.5, from erfc(a) = exp(-a^2)/sqrt(pi) / (a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))). */
    private static double erfcContinuedFraction(double a) {
        if (a > 27) {
            return 0.0;
        }
        double t = a;
        for (int k = FRACTION_TERMS; k >= 1; k--) {
            t = a + (k / 2.0) / t;
        }
        return Math.exp(-a * a) / (SQRT_PI * t);
    }
}
