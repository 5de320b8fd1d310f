package org.creamlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.rope.LinearScaling;
import org.creamlab.rope.NoScaling;
import org.creamlab.rope.RopeScaling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static NDManager manager;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static LlamaConfig tiny() {
        return LlamaConfig.builder().vocabSize(64).hiddenSize(32).layers(2).heads(4).kvHeads(2)
                .intermediateSize(64).window(32).build();
    }

    private TrainingSummary train(LlamaWeights w, TrainingConfig config, BatchSource source, RopeScaling scaling,
            boolean resume, List<TrainingListener> listeners) throws IOException {
        try (Trainer trainer = new Trainer(w, scaling, config, source, listeners)) {
            if (resume) {
                assertTrue(trainer.resumeLatest(), "a checkpoint to resume from");
            }
            return trainer.run();
        }
    }

    @Test
    void fixedBatchOverfits() throws IOException {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 1)) {
            TrainingConfig config = TrainingConfig.builder().totalSteps(80)
                    .schedule(LrSchedule.constant(1e-2, 5)).dataSeed(3).build();
            TrainingSummary s = train(w, config, new CopyTaskSource(4, 8, 64, true), new NoScaling(), false,
                    List.of(new ProgressLogger(20)));
            assertTrue(s.losses()[0] > 3.5, "initial loss near ln 64, was " + s.losses()[0]);
            assertTrue(s.finalLoss() < 0.3, "final loss " + s.finalLoss());
        }
    }

    @Test
    void resumeEqualsUninterruptedRunBitForBit() throws IOException {
        for (AdamW.Mode mode : AdamW.Mode.values()) {
            int k = 4;
            TrainingConfig.Builder base = TrainingConfig.builder().totalSteps(2 * k).microBatches(2)
                    .schedule(LrSchedule.linear(5e-3, 2, 2 * k, 0.1)).weightDecay(0.1).clipNorm(0.5)
                    .dataSeed(11).optimizer(mode);
            RopeScaling scaling = new LinearScaling(2);
            CopyTaskSource source = new CopyTaskSource(3, 5, 64, false);
            try (NDManager m = manager.newSubManager();
                    LlamaWeights full = LlamaWeights.initialize(m, tiny(), 7);
                    LlamaWeights split = LlamaWeights.initialize(m, tiny(), 7);
                    LlamaWeights resumed = LlamaWeights.initialize(m, tiny(), 99)) {
                TrainingSummary a = train(full, base.checkpointDir(dir.resolve("full-" + mode)).build(), source, scaling,
                        false, List.of());
                Path splitDir = dir.resolve("split-" + mode);
                TrainingSummary b1 = train(split, base.checkpointDir(splitDir).stopAfterSteps(k).build(), source,
                        scaling, false, List.of());
                TrainingSummary b2 = train(resumed, base.checkpointDir(splitDir).stopAfterSteps(2 * k).build(), source,
                        scaling, true, List.of());
                assertEquals(k, b2.startStep());
                double[] joined = new double[2 * k];
                System.arraycopy(b1.losses(), 0, joined, 0, k);
                System.arraycopy(b2.losses(), 0, joined, k, k);
                assertArrayEquals(a.losses(), joined, 0.0, mode + " losses");
                Map<String, float[]> wa = full.toHost();
                Map<String, float[]> wb = resumed.toHost();
                for (String name : wa.keySet()) {
                    assertArrayEquals(wa.get(name), wb.get(name), 0f, mode + " " + name);
                }
            }
        }
    }

    @Test
    void aStopOnRequestWaitsForTheMetricsWindowSoTheResumedRunEmitsTheSameWindows() throws IOException {
        int steps = 20;
        TrainingConfig.Builder base = TrainingConfig.builder().totalSteps(steps).schedule(LrSchedule.linear(5e-3, 2, steps, 0.1))
                .dataSeed(5).checkpointEvery(0);
        CopyTaskSource source = new CopyTaskSource(3, 5, 64, false);
        List<TrainingMetrics> uninterrupted = new ArrayList<>();
        List<TrainingMetrics> interrupted = new ArrayList<>();
        try (NDManager m = manager.newSubManager();
                LlamaWeights full = LlamaWeights.initialize(m, tiny(), 4);
                LlamaWeights stopped = LlamaWeights.initialize(m, tiny(), 4);
                LlamaWeights resumed = LlamaWeights.initialize(m, tiny(), 77)) {
            train(full, base.checkpointDir(dir.resolve("window-full")).build(), source, new NoScaling(), false,
                    List.of(new MetricsListener(5, uninterrupted::add)));
            org.creamlab.experiment.StopSignal signal = org.creamlab.experiment.StopSignal.create();
            TrainingListener requestAtStep7 = new TrainingListener() {
                @Override
                public void onStep(StepResult r) {
                    if (r.step() == 6) {
                        signal.request();   // mid-window: 7 steps done, the window ends at 10
                    }
                }
            };
            Path split = dir.resolve("window-split");
            org.creamlab.experiment.RunStoppedException e;
            try (Trainer trainer = new Trainer(stopped, new NoScaling(), base.checkpointDir(split).build(), source,
                    List.of(new MetricsListener(5, interrupted::add), requestAtStep7))) {
                trainer.stopOn(signal);
                e = assertThrows(org.creamlab.experiment.RunStoppedException.class, trainer::run);
            }
            assertEquals(10, e.completedSteps(), "the stop waits for the end of the 5-step window");
            assertEquals(List.of("step-00000010"), TrainingCheckpoint.list(split).stream().map(p -> p.getFileName().toString()).toList());
            train(resumed, base.checkpointDir(split).build(), source, new NoScaling(), true,
                    List.of(new MetricsListener(5, interrupted::add)));
        }
        assertEquals(uninterrupted.stream().map(TrainingMetrics::step).toList(), interrupted.stream().map(TrainingMetrics::step).toList());
        for (int i = 0; i < uninterrupted.size(); i++) {
            assertEquals(uninterrupted.get(i).loss(), interrupted.get(i).loss(), 0.0, "window " + i + "'s mean loss");
        }
    }

    @Test
    void sameSeedsGiveIdenticalRuns() throws IOException {
        TrainingConfig config = TrainingConfig.builder().totalSteps(5).schedule(LrSchedule.constant(3e-3, 1))
                .dataSeed(5).build();
        double[][] losses = new double[2][];
        for (int i = 0; i < 2; i++) {
            try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 3)) {
                losses[i] = train(w, config, new CopyTaskSource(2, 6, 64, false), new NoScaling(), false, List.of()).losses();
            }
        }
        assertArrayEquals(losses[0], losses[1], 0.0);
    }

    @Test
    void gradientAccumulationMatchesOneLargeBatch() throws IOException {
        // two micro-batches of 2 rows vs one batch of the same 4 rows
        BatchSource halves = (step, micro, random) -> new CopyTaskSource(2, 5, 64, true).batch(step, micro, random);
        BatchSource whole = (step, micro, random) -> {
            Batch a = halves.batch(step, 0, random);
            Batch b = halves.batch(step, 1, random);
            return new Batch(concat(a.tokens(), b.tokens()), concat(a.positions(), b.positions()),
                    concat(a.targets(), b.targets()), concat(a.lossMask(), b.lossMask()));
        };
        TrainingConfig.Builder base = TrainingConfig.builder().totalSteps(3).schedule(LrSchedule.constant(3e-3, 0)).dataSeed(1);
        try (NDManager m = manager.newSubManager();
                LlamaWeights w1 = LlamaWeights.initialize(m, tiny(), 4);
                LlamaWeights w2 = LlamaWeights.initialize(m, tiny(), 4)) {
            double[] accumulated = train(w1, base.microBatches(2).build(), halves, new NoScaling(), false, List.of()).losses();
            double[] single = train(w2, base.microBatches(1).build(), whole, new NoScaling(), false, List.of()).losses();
            assertArrayEquals(single, accumulated, 1e-5);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] concat(T[] a, T[] b) {
        T[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void nanLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path ckpt = dir.resolve("nan");
        TrainingConfig config = TrainingConfig.builder().totalSteps(10).schedule(LrSchedule.constant(3e-3, 1))
                .checkpointDir(ckpt).checkpointEvery(3).injectNanAtStep(7).build();
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 2)) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> train(w, config, new CopyTaskSource(2, 4, 64, false), new NoScaling(), false, List.of()));
            assertEquals(7, e.step());
            assertTrue(e.getMessage().contains("step 7"), e.getMessage());
            Path last = TrainingCheckpoint.latest(ckpt).orElseThrow();
            assertEquals(6, TrainingCheckpoint.readState(last).completedSteps());
            ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(m, last);
            assertEquals(tiny(), loaded.config());
            for (float[] values : loaded.weights().toHost().values()) {
                for (float v : values) {
                    assertTrue(Float.isFinite(v));
                }
            }
            loaded.weights().close();
        }
    }

    @Test
    void metricsArriveEveryKStepsAndCheckpointsArePruned() throws IOException {
        Path ckpt = dir.resolve("metrics");
        List<TrainingMetrics> metrics = new ArrayList<>();
        TrainingConfig config = TrainingConfig.builder().totalSteps(7).schedule(LrSchedule.constant(1e-3, 0))
                .checkpointDir(ckpt).checkpointEvery(2).keepCheckpoints(2).build();
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 2)) {
            train(w, config, new CopyTaskSource(2, 4, 64, false), new NoScaling(), false,
                    List.of(new MetricsListener(3, metrics::add)));
        }
        assertEquals(List.of(2L, 5L, 6L), metrics.stream().map(TrainingMetrics::step).toList());
        assertTrue(metrics.get(0).tokensPerSecond() > 0 && metrics.get(0).gradNorm() > 0);
        assertEquals(List.of("step-00000006", "step-00000007"),
                TrainingCheckpoint.list(ckpt).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theLossIsAlsoReportedPerTargetClassAndTheClassesAddUpToTheTotal() throws IOException {
        CopyTaskSource copy = new CopyTaskSource(4, 8, 64, true);
        // the same batches, with every masked target of an even column labelled answer and the rest filler
        BatchSource labelled = (step, micro, random) -> {
            Batch b = copy.batch(step, micro, random);
            org.creamlab.data.TargetClass[][] classes = new org.creamlab.data.TargetClass[b.batchSize()][b.length()];
            int[][] evidence = new int[b.batchSize()][b.length()];
            for (int r = 0; r < b.batchSize(); r++) {
                for (int t = 0; t < b.length(); t++) {
                    classes[r][t] = !b.lossMask()[r][t] ? org.creamlab.data.TargetClass.NONE
                            : t % 2 == 0 ? org.creamlab.data.TargetClass.ANSWER : org.creamlab.data.TargetClass.FILLER;
                    evidence[r][t] = -1;
                }
            }
            return new Batch(b.tokens(), b.positions(), b.targets(), b.lossMask(), new TargetLabels(classes, evidence));
        };
        List<StepResult> steps = new java.util.ArrayList<>();
        List<TrainingMetrics> windows = new java.util.ArrayList<>();
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 1)) {
            TrainingConfig config = TrainingConfig.builder().totalSteps(4).schedule(LrSchedule.constant(1e-2, 1)).dataSeed(3).build();
            train(w, config, labelled, new NoScaling(), false, List.of(new TrainingListener() {
                @Override
                public void onStep(StepResult r) {
                    steps.add(r);
                }
            }, new MetricsListener(2, windows::add)));
        }
        for (StepResult r : steps) {
            ClassLosses c = r.classLosses();
            long masked = c.count(org.creamlab.data.TargetClass.ANSWER) + c.count(org.creamlab.data.TargetClass.FILLER);
            assertTrue(masked > 0 && c.count(org.creamlab.data.TargetClass.COPY) == 0, "counts " + java.util.Arrays.toString(c.counts()));
            double total = (c.sums()[org.creamlab.data.TargetClass.ANSWER.ordinal()]
                    + c.sums()[org.creamlab.data.TargetClass.FILLER.ordinal()]) / masked;
            assertEquals(r.loss(), total, 1e-4, "the class sums add up to the step's mean loss");
        }
        assertEquals(2, windows.size());
        assertEquals(steps.get(0).classLosses().plus(steps.get(1).classLosses()), windows.get(0).classLosses());
    }
}
