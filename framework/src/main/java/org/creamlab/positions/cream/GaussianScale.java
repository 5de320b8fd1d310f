package org.creamlab.positions.cream;

import java.util.random.RandomGenerator;

/**
 * CREAM's "truncated Gaussian" for {@code r}, as the released code implements it
 * ({@code src/train.py::CREAM}), or, as an option, as a Gaussian truly truncated to the interval.
 *
 * <p>Let {@code mu = f + 1}, {@code x} the 1000-point grid {@code linspace(2, 2f, 1000)} and
 * {@code cdf(x) = Phi((x - mu) / sigma)}. A draw takes {@code u} uniform in {@code [0, 1)} and
 * returns {@code r = floor(interp(u; cdf, x))}, where {@code interp} is numpy's linear
 * interpolation (values outside {@code [cdf(2), cdf(2f)]} take the end value).
 * <ul>
 *   <li>{@link Form#CLAMPED} (the code, default): {@code u} is used as drawn, so the mass below 2
 *       and above {@code 2f} piles on the ends: {@code P(r=2) = Phi((3-mu)/sigma)},
 *       {@code P(r=j) = Phi((j+1-mu)/sigma) - Phi((j-mu)/sigma)} for {@code 3 <= j <= 2f-1},
 *       {@code P(r=2f) = 1 - Phi((2f-mu)/sigma)} (spec 1.4, up to interpolation error).</li>
 *   <li>{@link Form#TRUNCATED} (the paper's word "truncated"): {@code u} is first mapped to
 *       {@code cdf(2) + u * (cdf(2f) - cdf(2))}, which renormalises the Gaussian to {@code [2, 2f]};
 *       after the floor, {@code r = 2f} then has probability 0 and
 *       {@code P(r=j) = (Phi((j+1-mu)/sigma) - Phi((j-mu)/sigma)) / Z} for {@code 2 <= j <= 2f-1}.</li>
 * </ul>
 */
public final class GaussianScale implements ScaleDistribution {

    /** Points in the interpolation grid, as in the code. */
    public static final int GRID_POINTS = 1000;

    /** How mass outside {@code [2, 2f]} is treated. */
    public enum Form {
        /** Piled on the ends (the released code). */
        CLAMPED,
        /** Renormalised away (a truncated Gaussian). */
        TRUNCATED
    }

    private final int factor;
    private final double sigma;
    private final double mu;
    private final Form form;
    private final double[] grid;
    private final double[] cdf;

    /**
     * @param factor the extension factor {@code f >= 2}
     * @param sigma the standard deviation, finite and {@code > 0} (the code's default is 3)
     */
    public GaussianScale(int factor, double sigma, Form form) {
        if (factor < 2) {
            throw new IllegalArgumentException("factor f must be >= 2, got " + factor);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number > 0, got " + sigma);
        }
        if (form == null) {
            throw new IllegalArgumentException("form is required");
        }
        this.factor = factor;
        this.sigma = sigma;
        this.mu = factor + 1.0;
        this.form = form;
        this.grid = linspace(2.0, 2.0 * factor, GRID_POINTS);
        this.cdf = new double[GRID_POINTS];
        for (int i = 0; i < GRID_POINTS; i++) {
            cdf[i] = StandardNormal.cdf((grid[i] - mu) / sigma);
        }
    }

    public double sigma() {
        return sigma;
    }

    public double mu() {
        return mu;
    }

    public Form form() {
        return form;
    }

    @Override
    public int max() {
        return 2 * factor;
    }

    @Override
    public int sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        if (form == Form.TRUNCATED) {
            u = cdf[0] + u * (cdf[GRID_POINTS - 1] - cdf[0]);
        }
        int r = (int) Math.floor(interpolate(u));
        if (r < min() || r > max()) {
            throw new IllegalStateException("r = " + r + " outside [2, " + max() + "]");
        }
        return r;
    }

    /** numpy {@code interp(u, cdf, grid)}: the end values outside the table, linear inside. */
    double interpolate(double u) {
        int last = GRID_POINTS - 1;
        if (u < cdf[0]) {
            return grid[0];
        }
        if (u >= cdf[last]) {
            return grid[last];
        }
        // largest j with cdf[j] <= u; then cdf[j] <= u < cdf[j + 1], so the slope is finite
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return grid[lo] + (u - cdf[lo]) * (grid[lo + 1] - grid[lo]) / (cdf[lo + 1] - cdf[lo]);
    }

    @Override
    public double probability(int r) {
        if (r < min() || r > max()) {
            return 0.0;
        }
        double below = r == min() ? 0.0 : phi(r);
        double upTo = r == max() ? 1.0 : phi(r + 1);
        if (form == Form.CLAMPED) {
            return upTo - below;
        }
        if (r == max()) {
            return 0.0;
        }
        double z = phi(max()) - phi(min());
        return (phi(r + 1) - phi(r)) / z;
    }

    private double phi(double x) {
        return StandardNormal.cdf((x - mu) / sigma);
    }

    /** numpy {@code linspace(start, stop, n)}: {@code start + i * step}, last value exactly {@code stop}. */
    static double[] linspace(double start, double stop, int n) {
        double[] values = new double[n];
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            values[i] = start + i * step;
        }
        values[n - 1] = stop;
        return values;
    }
}
