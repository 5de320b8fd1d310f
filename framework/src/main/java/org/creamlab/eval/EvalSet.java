package org.creamlab.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.data.TaskGenerators;
import org.creamlab.data.TaskSample;

/**
 * A fixed evaluation set: the samples of every grid cell for one seed. Each cell's samples come from
 * its own generator seeded by the set's seed and the cell's {@link EvalCell#key()}, so the same seed
 * gives the same prompts for every method, and a cell's samples do not depend on which other cells
 * are in the grid.
 */
public final class EvalSet {

    private final long seed;
    private final Map<EvalCell, List<TaskSample>> samples;
    private final long fingerprint;

    private EvalSet(long seed, Map<EvalCell, List<TaskSample>> samples) {
        this.seed = seed;
        this.samples = Collections.unmodifiableMap(samples);
        long h = 1125899906842597L;
        for (List<TaskSample> cell : samples.values()) {
            for (TaskSample s : cell) {
                h = 31 * h + s.hashCode();
            }
        }
        this.fingerprint = h;
    }

    /** Builds the set: {@code samplesPerCell} samples for each cell of {@code grid}. */
    public static EvalSet build(TaskGenerators generators, EvalGrid grid, int samplesPerCell, long seed) {
        if (samplesPerCell < 1) {
            throw new IllegalArgumentException("setting 'samplesPerCell' must be >= 1, got " + samplesPerCell);
        }
        Map<EvalCell, List<TaskSample>> samples = new LinkedHashMap<>();
        for (EvalCell cell : grid.cells()) {
            SplittableRandom rng = new SplittableRandom(cellSeed(seed, cell));
            List<TaskSample> list = new ArrayList<>(samplesPerCell);
            for (int i = 0; i < samplesPerCell; i++) {
                list.add(generators.get(cell.task()).sample(rng, cell.length(), cell.placement()));
            }
            samples.put(cell, List.copyOf(list));
        }
        return new EvalSet(seed, samples);
    }

    /** The seed of a cell's sample stream: the set seed mixed with a hash of the cell key (SplitMix64). */
    static long cellSeed(long seed, EvalCell cell) {
        long h = seed;
        for (byte b : cell.key().getBytes(StandardCharsets.UTF_8)) {
            h = mix(h + b);
        }
        return h;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * This set followed by the cells of {@code other} (e.g. a grid with fewer samples per cell).
     *
     * @throws IllegalArgumentException when the seeds differ or a cell is in both
     */
    public EvalSet with(EvalSet other) {
        if (other.seed != seed) {
            throw new IllegalArgumentException("sets of seeds " + seed + " and " + other.seed + " cannot be joined");
        }
        Map<EvalCell, List<TaskSample>> joined = new LinkedHashMap<>(samples);
        other.samples.forEach((cell, list) -> {
            if (joined.put(cell, list) != null) {
                throw new IllegalArgumentException("cell " + cell.key() + " is in both sets");
            }
        });
        return new EvalSet(seed, joined);
    }

    public long seed() {
        return seed;
    }

    /** Cells in grid order, each with its samples. */
    public Map<EvalCell, List<TaskSample>> samples() {
        return samples;
    }

    /** Total number of samples. */
    public int size() {
        return samples.values().stream().mapToInt(List::size).sum();
    }

    /** A hash of every sample: two results are paired only when their fingerprints agree. */
    public long fingerprint() {
        return fingerprint;
    }
}
