package org.creamlab.model.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's fused kernels for the decoder's two non-GEMM hot spots, each a {@link TorchScriptModule}:
 * <ul>
 *   <li>{@link #causalAttention}: {@code torch.scaled_dot_product_attention(q, k, v, is_causal=True,
 *       scale=1)}, libtorch's flash-attention kernel on CPU (no T x T score matrix is kept for
 *       backward, masked key blocks are skipped);</li>
 *   <li>{@link #attention}: the same without the causal mask (one new query against a KV cache);</li>
 *   <li>{@link #swiGlu}: {@code silu(g) * u} in two kernels instead of three.</li>
 * </ul>
 * Each call runs under autograd when a GradientCollector is open, op by op as in eager mode (the
 * graph executor's optimizations are switched off, so every call computes the same way); results
 * belong to the first input's manager. The modules belong to the manager given to {@link #load} and close with it.
 */
public final class FusedKernels {

    private static final String QKV = "q: Tensor, k: Tensor, v: Tensor";

    private final PtSymbolBlock causalAttention;
    private final PtSymbolBlock attention;
    private final PtSymbolBlock swiGlu;

    private FusedKernels(PtSymbolBlock causalAttention, PtSymbolBlock attention, PtSymbolBlock swiGlu) {
        this.causalAttention = causalAttention;
        this.attention = attention;
        this.swiGlu = swiGlu;
    }

    /**
     * Compiles the kernels' modules into {@code owner}.
     *
     * @throws IllegalStateException when the engine is not PyTorch or libtorch lacks an op
     */
    public static FusedKernels load(NDManager owner) {
        return new FusedKernels(
                new TorchScriptModule("CausalAttention", QKV,
                        "torch.scaled_dot_product_attention(q, k, v, None, 0., True, scale=1.)").load(owner),
                new TorchScriptModule("Attention", QKV,
                        "torch.scaled_dot_product_attention(q, k, v, None, 0., False, scale=1.)").load(owner),
                new TorchScriptModule("SwiGlu", "g: Tensor, u: Tensor", "torch.mul(torch.silu(g), u)").load(owner));
    }

    /**
     * Causal softmax attention with no extra scale (fold {@code 1/sqrt(hd)} into q): query i sees
     * keys {@code 0..i}, so Tq must equal Tk.
     *
     * @param q {@code (B, H, T, hd)}
     * @param k {@code (B, H, T, hd)} (repeat grouped kv heads first)
     * @param v {@code (B, H, T, hd)}
     * @return {@code (B, H, T, hd)} in q's manager
     */
    public NDArray causalAttention(NDArray q, NDArray k, NDArray v) {
        return run(causalAttention, q, k, v);
    }

    /**
     * Unmasked softmax attention with no extra scale: every query sees every key.
     *
     * @param q {@code (B, H, Tq, hd)}
     * @param k {@code (B, H, Tk, hd)}
     * @param v {@code (B, H, Tk, hd)}
     * @return {@code (B, H, Tq, hd)} in q's manager
     */
    public NDArray attention(NDArray q, NDArray k, NDArray v) {
        return run(attention, q, k, v);
    }

    /**
     * {@code silu(g) * u} elementwise.
     *
     * @param g {@code (..., F)} the gate projection
     * @param u {@code (..., F)} the up projection
     * @return {@code (..., F)} in g's manager
     */
    public NDArray swiGlu(NDArray g, NDArray u) {
        return run(swiGlu, g, u);
    }

    private static NDArray run(PtSymbolBlock block, NDArray... inputs) {
        // Without this (a thread-local libtorch switch) the profiling graph executor would, after a
        // module's first runs, replace eager autograd with its own symbolic derivatives: the same
        // function rounded differently, so a resumed run would no longer repeat an uninterrupted one.
        JniUtils.setGraphExecutorOptimize(false);
        return IValueUtils.forward(block, new NDList(inputs), true).singletonOrThrow();
    }
}
