/**
 * Training: {@link org.creamlab.train.Trainer} runs masked next-token training of a
 * {@link org.creamlab.model.LlamaWeights} with decoupled {@link org.creamlab.train.AdamW},
 * global-norm clipping, warm-up + linear/cosine {@link org.creamlab.train.LrSchedule}s, gradient
 * accumulation, a seeded data order from a caller's {@link org.creamlab.train.BatchSource},
 * {@link org.creamlab.train.TrainingListener}s, and resumable checkpoints.
 *
 * <pre>{@code
 * TrainingConfig tc = TrainingConfig.builder().totalSteps(2000).learningRate(2e-3).clipNorm(1.0)
 *         .dataSeed(seed).checkpointDir(dir).checkpointEvery(250).build();
 * try (Trainer trainer = new Trainer(weights, scaling, tc, source,
 *         List.of(new ProgressLogger(50), new MetricsListener(10, store::record)))) {
 *     trainer.resumeLatest();              // no-op when the folder holds no checkpoint
 *     TrainingSummary summary = trainer.run();
 * }
 * }</pre>
 */
package org.creamlab.train;
