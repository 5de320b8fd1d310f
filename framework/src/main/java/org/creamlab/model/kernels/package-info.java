/**
 * libtorch kernels that DJL's JNI does not expose, reached through parameterless TorchScript
 * modules written in Java ({@link org.creamlab.model.kernels.TorchScriptModule}) and run under
 * autograd: fused flash attention and the SwiGLU product ({@link org.creamlab.model.kernels.FusedKernels}).
 *
 * <pre>{@code
 * FusedKernels kernels = FusedKernels.load(manager);           // compiled once, closed with manager
 * NDArray out = kernels.causalAttention(q, k, v);              // (B, H, T, hd), q pre-scaled
 * NDArray gated = kernels.swiGlu(gateProjection, upProjection); // silu(g) * u
 * }</pre>
 */
package org.creamlab.model.kernels;
