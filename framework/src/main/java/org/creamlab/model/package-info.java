/**
 * The Llama-style decoder in DJL as plain functions over named weights.
 *
 * <pre>{@code
 * LlamaConfig config = LlamaConfig.builder().vocabSize(512).hiddenSize(128).layers(2).heads(4).build();
 * try (NDManager nd = NDManager.newBaseManager();
 *      LlamaWeights weights = LlamaWeights.initialize(nd, config, seed)) {
 *     LlamaModel model = new LlamaModel(weights);
 *     NDArray logits = model.logits(nd, tokens, positionIds, new LinearScaling(8));      // (B, T, V)
 *     NDArray longRun = model.logitsLowMemory(nd, tokens, positionIds, scaling, 1024, false);
 *     int[][] out = new GreedyDecoder(model, scaling).decode(nd, prompts, promptPositions, 4, -1);
 *     BatchScorer.Scores s = new BatchScorer(model, scaling, 32).score(nd, sequences, null);
 *     ModelCheckpoint.save(dir, weights, scaling);                  // config.json + model.safetensors
 *     ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(nd, dir); // also HF bf16/f16 checkpoints
 * }
 * }</pre>
 *
 * <p>Attention and the SwiGLU gate run in libtorch's fused kernels ({@code kernels.FusedKernels}:
 * flash attention, SiLU product) wherever they apply; {@code new LlamaModel(weights, false)} runs
 * everything on plain DJL ops.
 *
 * <p>Rules followed throughout (reference/djl-field-notes.md): no Java number enters an op on the
 * autograd path (scalars are arrays in the pass's manager); the activation is always the first
 * operand; arrays whose memory is shared by live views are never closed early; bfloat16 is
 * converted on the host.
 */
package org.creamlab.model;
