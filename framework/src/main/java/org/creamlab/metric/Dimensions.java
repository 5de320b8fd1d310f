package org.creamlab.metric;

/**
 * Where a metric was measured, beyond its name and step: the task, the context length, the gold
 * position (0..1 of the context) and the needle depth (percent). Any may be null.
 *
 * @param task e.g. {@code lines}, {@code kv}, {@code needle}, {@code passkey}
 * @param length context length in tokens
 * @param position gold position as a fraction of the context, 0 (first) to 1 (last)
 * @param depth needle depth in percent, 0 to 100
 */
public record Dimensions(String task, Integer length, Double position, Double depth) {

    private static final Dimensions NONE = new Dimensions(null, null, null, null);

    public static Dimensions none() {
        return NONE;
    }

    public static Dimensions task(String task) {
        return new Dimensions(task, null, null, null);
    }

    public Dimensions withLength(int contextLength) {
        return new Dimensions(task, contextLength, position, depth);
    }

    public Dimensions withPosition(double goldPosition) {
        return new Dimensions(task, length, goldPosition, depth);
    }

    public Dimensions withDepth(double depthPercent) {
        return new Dimensions(task, length, position, depthPercent);
    }
}
