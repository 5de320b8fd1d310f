/*
 * The libtorch that DJL downloads links Intel MKL statically and exports its symbols. MKL picks its
 * GEMM kernels only after asking mkl_serv_intel_cpu_true() whether the CPU is an Intel one; on an
 * AMD CPU the answer is no and MKL falls back to a generic AVX2 path even where the CPU has
 * AVX-512 (measured on this project's AMD EPYC: ~85 vs ~200 GFLOP/s for the model's fp32 GEMMs,
 * docs/benchmark.md). Preloaded into the JVM (LD_PRELOAD), this definition takes precedence over
 * MKL's, so MKL chooses by the CPU's feature flags (cpuid) alone. On Intel CPUs it changes nothing.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
