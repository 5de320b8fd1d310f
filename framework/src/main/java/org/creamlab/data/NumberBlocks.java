package org.creamlab.data;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Numbers drawn in clusters: a sample picks {@code count} distinct blocks of {@code size} consecutive
 * values ({@code [b * size, (b + 1) * size)}, {@code b >= 1}, wholly inside the value range) and draws
 * its distinct numbers uniformly from their union.
 *
 * <p>With number pieces of {@code k} digits and {@code size = 10^k}, the numbers of one block share
 * every piece but the last ({@code 4217} and {@code 4290} are {@code 42 ##17} and {@code 42 ##90}),
 * so within a sample about {@code numbers / count} numbers share each first piece, where uniform draws
 * from {@code [1, 9999]} share one among about 90. A model that predicts the last piece by copying
 * whatever followed the first piece elsewhere in the prompt is then wrong most of the time; only
 * reading the asked line's own number is right.
 *
 * @param count blocks a sample draws from, at least 1
 * @param size values per block, at least 2
 */
public record NumberBlocks(int count, long size) {

    public NumberBlocks {
        if (count < 1) {
            throw new IllegalArgumentException("number blocks: need at least 1 block, got " + count);
        }
        if (size < 2) {
            throw new IllegalArgumentException("number blocks: need at least 2 values a block, got " + size);
        }
    }

    /**
     * {@code count} blocks of one continuation piece's values ({@code 10^k} for pieces of {@code k} digits), so
     * that the numbers of a block share every piece but the last.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public static NumberBlocks sharingFirstPieces(NumberPieces pieces, int count) {
        return new NumberBlocks(count, pieces.continuationValues());
    }

    /** The blocks of {@code size} values ({@code b >= 1}) wholly inside {@code values}. */
    public long available(ValueRange values) {
        long last = Math.floorDiv(values.max() + 1, size) - 1;
        return Math.max(0, last - firstBlock(values) + 1);
    }

    /** The index of the first block ({@code b >= 1}) that starts inside {@code values}. */
    private long firstBlock(ValueRange values) {
        return Math.max(1, -Math.floorDiv(-values.min(), size));
    }

    /**
     * Checks that {@code values} holds at least {@code count} whole blocks.
     *
     * @throws IllegalArgumentException naming the setting when it does not
     */
    public void requireFits(ValueRange values) {
        long available = available(values);
        if (available < count) {
            throw new IllegalArgumentException("number blocks: " + count + " blocks of " + size
                    + " values do not fit in [" + values.min() + ", " + values.max() + "] (it holds " + available + ")");
        }
    }

    /** How many distinct numbers one sample can draw: {@code count * size}. */
    public long capacity() {
        return count * size;
    }

    /**
     * A source of distinct numbers for one sample: draws {@code count} distinct blocks from
     * {@code rng} now, then each call a number not yet returned, uniform over the blocks' union.
     *
     * @throws IllegalArgumentException if {@code values} holds fewer than {@code count} whole blocks
     */
    public LongSupplier distinct(RandomGenerator rng, ValueRange values) {
        requireFits(values);
        long available = available(values);
        long first = firstBlock(values);
        long[] starts = new long[count];
        Set<Long> chosen = new HashSet<>();
        for (int i = 0; i < count; ) {
            long b = Draws.between(rng, first, first + available - 1);
            if (chosen.add(b)) {
                starts[i++] = b * size;
            }
        }
        Set<Long> seen = new HashSet<>();
        return () -> {
            if (seen.size() >= capacity()) {
                throw new IllegalStateException("all " + capacity() + " values of the " + count + " blocks are taken");
            }
            while (true) {
                long v = starts[rng.nextInt(count)] + Draws.between(rng, 0, size - 1);
                if (seen.add(v)) {
                    return v;
                }
            }
        };
    }
}
