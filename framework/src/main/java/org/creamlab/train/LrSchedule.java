package org.creamlab.train;

/** A learning rate per 0-based optimizer step. */
public interface LrSchedule {

    double rate(long step);

    /** Linear warm-up from 0 to {@code peak} over {@code warmup} steps, then constant. */
    static LrSchedule constant(double peak, long warmup) {
        return new Warmup(peak, warmup, warmup, Decay.CONSTANT, 1.0);
    }

    /** Linear warm-up, then linear decay to {@code finalFraction * peak} at {@code total} (the paper's schedule). */
    static LrSchedule linear(double peak, long warmup, long total, double finalFraction) {
        return new Warmup(peak, warmup, total, Decay.LINEAR, finalFraction);
    }

    /** Linear warm-up, then cosine decay to {@code finalFraction * peak} at {@code total}. */
    static LrSchedule cosine(double peak, long warmup, long total, double finalFraction) {
        return new Warmup(peak, warmup, total, Decay.COSINE, finalFraction);
    }

    /** How the rate falls after warm-up. */
    enum Decay { CONSTANT, LINEAR, COSINE }

    /**
     * Warm-up {@code lr = peak * (step + 1) / warmup} for {@code step < warmup}, then decay.
     *
     * @param peak the peak rate
     * @param warmup warm-up steps (0 for none)
     * @param total the step at which decay ends
     * @param decay the decay shape
     * @param finalFraction the final rate as a fraction of the peak
     */
    record Warmup(double peak, long warmup, long total, Decay decay, double finalFraction) implements LrSchedule {

        public Warmup {
            if (!(peak > 0) || Double.isInfinite(peak)) {
                throw new IllegalArgumentException("learning rate peak must be a positive finite number, got " + peak);
            }
            if (warmup < 0 || total < warmup) {
                throw new IllegalArgumentException("need 0 <= warmup <= total, got warmup " + warmup + ", total " + total);
            }
            if (!(finalFraction >= 0 && finalFraction <= 1)) {
                throw new IllegalArgumentException("finalFraction must be in [0, 1], got " + finalFraction);
            }
        }

        @Override
        public double rate(long step) {
            if (step < warmup) {
                return peak * (step + 1) / warmup;
            }
            if (decay == Decay.CONSTANT || total == warmup) {
                return peak;
            }
            double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
            double shape = decay == Decay.LINEAR ? 1.0 - progress : 0.5 * (1.0 + Math.cos(Math.PI * progress));
            return peak * (finalFraction + (1.0 - finalFraction) * shape);
        }
    }
}
