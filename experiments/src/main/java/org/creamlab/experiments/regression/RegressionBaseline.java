package org.creamlab.experiments.regression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The accuracies CI guards, kept in the repository ({@code experiments/regression-baseline.json}):
 * per metric its value at the CI seed, the direction in which it is better, and the tolerance
 * (derived from the spread over seeds when the baseline was written).
 *
 * @param seed the seed the values were measured at (CI runs this one)
 * @param metrics metric name to its entry
 */
public record RegressionBaseline(long seed, Map<String, Entry> metrics) {

    /**
     * @param value the value at {@link #seed()}
     * @param higherIsBetter direction: accuracies true, perplexities false
     * @param tolerance how far the value may move the wrong way before it counts as a regression
     * @param seedValues the values at every seed used to derive the tolerance
     */
    public record Entry(double value, boolean higherIsBetter, double tolerance, List<Double> seedValues) {}

    /** A metric that moved the wrong way by more than its tolerance. */
    public record Drop(String metric, double baseline, double measured, double tolerance, boolean higherIsBetter) {
        @Override
        public String toString() {
            return String.format("%s: baseline %.4f, now %.4f (%s is better, tolerance %.4f)", metric, baseline, measured,
                    higherIsBetter ? "higher" : "lower", tolerance);
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public RegressionBaseline {
        metrics = Map.copyOf(new LinkedHashMap<>(metrics));
    }

    public static RegressionBaseline read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no regression baseline at " + file
                    + "; write one on purpose with: mvn test -Dexperiment=regression -Dp.update=true");
        }
        return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RegressionBaseline.class);
    }

    /** Writes atomically (temporary file, then rename). */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, GSON.toJson(new RegressionBaseline(seed, new TreeMap<>(metrics))) + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The metrics that dropped beyond tolerance; a metric missing from {@code measured} counts as a
     * drop (NaN), and so does a non-finite value.
     */
    public List<Drop> drops(Map<String, Double> measured) {
        List<Drop> drops = new ArrayList<>();
        metrics.forEach((name, e) -> {
            double now = measured.getOrDefault(name, Double.NaN);
            double worse = e.higherIsBetter() ? e.value() - now : now - e.value();
            if (!Double.isFinite(now) || worse > e.tolerance()) {
                drops.add(new Drop(name, e.value(), now, e.tolerance(), e.higherIsBetter()));
            }
        });
        return drops;
    }

    /**
     * A baseline from values at several seeds: the value at {@code seed}, and a tolerance of twice
     * the sample standard deviation across seeds, at least {@code floor}.
     */
    public static Entry entry(long seed, List<Long> seeds, List<Double> values, boolean higherIsBetter, double floor) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1);
        double tolerance = Math.max(floor, 2 * Math.sqrt(var));
        return new Entry(values.get(seeds.indexOf(seed)), higherIsBetter, tolerance, List.copyOf(values));
    }
}
