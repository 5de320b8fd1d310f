package org.creamlab.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.creamlab.config.Settings;
import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.Wilson;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Endpoint;
import org.creamlab.metric.Metric;
import org.creamlab.store.FailureCategory;
import org.creamlab.store.Provenance;
import org.creamlab.store.RunStore;

/**
 * Fills a store with a miniature, made-up cream-vs-pose study written the way the real study writes
 * it: CREAM and PoSE, three bases x two seeds, LongChat-Lines at four lengths, key-value at three
 * gold positions, needle at two lengths x three depths, perplexity, per-sample outcomes and loss
 * curves; CREAM is better far from the window. Three primary endpoints are declared first. Plus one
 * diverged PoSE run.
 */
final class SyntheticStudy {

    static final String EXPERIMENT = "cream-vs-pose";
    static final int PER_CELL = 40;
    static final List<String> BASES = List.of("1", "4", "5");
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("lines beyond N", "lines", true, List.of()),
            new Endpoint("kv middle", "kv", false, List.of(0.5)),
            new Endpoint("needle", "needle", false, List.of()));

    private SyntheticStudy() {}

    static Settings settings(Path root) {
        Properties p = new Properties();
        p.setProperty("creamlab.root", root.toString());
        p.setProperty("db.url", "jdbc:h2:file:" + root.resolve("db/creamlab").toAbsolutePath());
        p.setProperty("allure.results.directory", root.resolve("target/allure-results").toString());
        return Settings.from(p);
    }

    static Provenance provenance() {
        return new Provenance("abc1234", false, "17.0.15", "0.36.0", "2.7.1", "testhost", "cpu()", 1);
    }

    /** Writes the runs; returns their ids (the failed run last). */
    static List<Long> populate(RunStore store) {
        List<Long> ids = new ArrayList<>();
        store.declareEndpoints(EXPERIMENT, "CREAM vs PoSE", Endpoint.lines(ENDPOINTS));
        for (String base : BASES) {
            for (String method : List.of("cream", "pose")) {
                for (long seed = 1; seed <= 2; seed++) {
                    String variant = "baseSeed=" + base + ", method=" + method + ", factor=4, window=64";
                    String json = "{\"baseSeed\":\"" + base + "\",\"method\":\"" + method
                            + "\",\"factor\":\"4\",\"window\":\"64\"}";
                    long id = store.startRun(EXPERIMENT, "CREAM vs PoSE", variant, json, seed, provenance());
                    store.logMetrics(id, metrics(method, seed * 101 + Long.parseLong(base)));
                    store.finishRun(id);
                    ids.add(id);
                }
            }
        }
        long failed = store.startRun(EXPERIMENT, "CREAM vs PoSE", "baseSeed=1, method=pose, factor=4, window=64",
                "{\"baseSeed\":\"1\",\"method\":\"pose\",\"factor\":\"4\",\"window\":\"64\"}", 3, provenance());
        store.logMetrics(failed, List.of(Metric.at("train/loss", 1, 5.0), Metric.at("train/loss", 2, Double.NaN)));
        store.failRun(failed, FailureCategory.DIVERGED, "loss is NaN at step 2");
        ids.add(failed);
        return ids;
    }

    static List<Metric> metrics(String method, long seed) {
        boolean cream = method.equals("cream");
        SplittableRandom rng = new SplittableRandom(seed * 31 + method.hashCode());
        List<Metric> out = new ArrayList<>();
        for (int step = 1; step <= 20; step++) {
            out.add(Metric.at("train/loss", step, 4.0 / Math.sqrt(step) + (cream ? 0 : 0.1) + rng.nextDouble() * 0.05));
        }
        for (int len : List.of(32, 64, 128, 256)) {
            cell(out, Dimensions.task("lines").withLength(len), len <= 64 ? 0.9 : cream ? 0.7 : 0.4, rng);
        }
        for (double pos : List.of(0.0, 0.5, 1.0)) {
            cell(out, Dimensions.task("kv").withLength(256).withPosition(pos), pos == 0.5 ? (cream ? 0.6 : 0.3) : 0.8, rng);
        }
        for (int len : List.of(128, 256)) {
            for (double depth : List.of(0.0, 50.0, 100.0)) {
                cell(out, Dimensions.task("needle").withLength(len).withDepth(depth), cream ? 0.8 : 0.6, rng);
            }
        }
        for (int len : List.of(64, 128, 256)) {
            out.add(Metric.of("eval/perplexity", (cream ? 10 : 12) + len / 64.0, Dimensions.task("perplexity").withLength(len)));
        }
        return out;
    }

    private static void cell(List<Metric> out, Dimensions d, double p, SplittableRandom rng) {
        int correct = 0;
        for (int i = 0; i < PER_CELL; i++) {
            boolean ok = rng.nextDouble() < p;
            correct += ok ? 1 : 0;
            out.add(new Metric("eval/correct", (long) i, ok ? 1 : 0, d));
        }
        Interval w = Wilson.interval95(correct, PER_CELL);
        out.add(Metric.of("eval/tf_exact_match", w.estimate(), d));
        out.add(Metric.of("eval/tf_exact_match_low", w.low(), d));
        out.add(Metric.of("eval/tf_exact_match_high", w.high(), d));
        out.add(Metric.of("eval/samples", PER_CELL, d));
    }
}
