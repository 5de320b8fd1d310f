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

    /** Builds the set: {@code samplesPerCell} samples for each cell of {@code grid}, prompts of the cell's length. */
    public static EvalSet build(TaskGenerators generators, EvalGrid grid, int samplesPerCell, long seed) {
        return build(generators, grid, samplesPerCell, seed, 0);
    }

    /**
     * Builds the set with room for the answer: each cell's prompts are {@code answerRoom} tokens
     * shorter than its length, so that prompt and answer together fit the cell's length (a model
     * evaluated at a context of L then never predicts an answer token at a position id of L or more).
     *
     * @param answerRoom the most answer tokens a task has (0: prompts of the cell's length)
     */
    public static EvalSet build(TaskGenerators generators, EvalGrid grid, int samplesPerCell, long seed, int answerRoom) {
        if (samplesPerCell < 1) {
            throw new IllegalArgumentException("setting 'samplesPerCell' must be >= 1, got " + samplesPerCell);
        }
        if (answerRoom < 0) {
            throw new IllegalArgumentException("setting 'answerRoom' must be >= 0, got " + answerRoom);
        }
        Map<EvalCell, List<TaskSample>> samples = new LinkedHashMap<>();
        for (EvalCell cell : grid.cells()) {
            SplittableRandom rng = new SplittableRandom(cellSeed(seed, cell));
            List<TaskSample> list = new ArrayList<>(samplesPerCell);
            for (int i = 0; i < samplesPerCell; i++) {
                TaskSample sample = generators.get(cell.task()).sample(rng, cell.length() - answerRoom, cell.placement());
                if (answerRoom > 0 && sample.length() + sample.answer().length > cell.length()) {
                    throw new IllegalStateException(cell.key() + ": prompt " + sample.length() + " + answer "
                            + sample.answer().length + " tokens exceed the cell's " + cell.length());
                }
                list.add(sample);
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
