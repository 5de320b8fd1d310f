#!/usr/bin/env python3
"""Joins the BENCH {json} lines of ModelBenchmark (creamlab) and llama_reference.py (PyTorch) into
one side-by-side table. Used by bench/run.sh; standard library only.

usage: table.py RESULTS_DIR   (reads every *.log there; a file name containing "launch" marks the
                               runs made in the project's launch environment, see run.sh)
"""

import glob
import json
import os
import sys


def load(folder):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "*.log"))):
        variant = "launch" if "launch" in os.path.basename(path) else "default"
        with open(path) as f:
            for line in f:
                if line.startswith("BENCH {"):
                    r = json.loads(line[len("BENCH "):])
                    r["variant"] = variant
                    rows.append(r)
    return rows


def find(rows, **kw):
    for r in rows:
        if all(r.get(k) == v for k, v in kw.items()):
            return r
    return None


def fmt(x, spec=".1f", missing="-"):
    return missing if x is None else format(x, spec)


def share(r, kind):
    if r is None:
        return None
    if kind == "train":
        return (r["user_ms_per_step"] + r["system_ms_per_step"]) / r["ms_per_step_mean"]
    return (r["user_s"] + r["system_s"]) / r["seconds"]


def cpu(r):
    """CPU time (user + system) per timed training step, ms: less sensitive to other processes than wall time."""
    return None if r is None else r["user_ms_per_step"] + r["system_ms_per_step"]


def linear_fit(xs, ys):
    """Least-squares y = a + b x; returns a, b and the largest absolute residual."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    return a, b, max(abs(y - (a + b * x)) for x, y in zip(xs, ys))


def table(header, rows, align=None):
    cols = list(zip(*([header] + rows)))
    widths = [max(len(str(c)) for c in col) for col in cols]
    align = align or ["<"] + [">"] * (len(header) - 1)
    out = []
    for i, row in enumerate([header] + rows):
        out.append("| " + " | ".join(format(str(c), a + str(w)) for c, a, w in zip(row, align, widths)) + " |")
        if i == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


# the elementwise op groups of ElementwiseGroups.measure (ModelBenchmark) / llama_reference.elementwise_groups
GROUPS = [("rmsnorm_2L_1", "rmsnorm (2L+1 per step)"), ("rope_q_k_2L", "rope q,k (2L)"),
          ("attention_fused_flash_kernel_L", "attention flash kernel, its matmuls incl. (c: L)"),
          ("causal_mask_build_per_use", "causal mask build (p: 1)"), ("mask_add_softmax_L", "mask add+softmax (p: L)"),
          ("merge_heads_L", "merge heads (L)"), ("silu_up_L", "silu*up (L)"),
          ("residual_add_2L", "residual add (2L)"), ("embedding_1", "embedding (1)"),
          ("loss_log_softmax_gather_1", "loss: log-softmax+gather (1)")]

TRAIN = [("d=128 L=2 T=128 B=16", 128, 2, 128, 16), ("d=256 L=4 T=256 B=8", 256, 4, 256, 8)]


def main():
    folder = sys.argv[1]
    rows = load(folder)
    out = []
    checks = []

    # ---------------------------------------------------------------- training
    header = ["config", "env", "params", "creamlab ms/step", "PyTorch ms/step", "ratio", "CPU ms/step c/p", "CPU ratio",
              "creamlab GFLOP/s", "ceiling GFLOP/s", "% of ceiling", "PyTorch GFLOP/s", "PyTorch ceiling",
              "PyTorch %", "CPU share c/p"]
    body = []
    for variant in ("default", "launch"):
        for name, d, L, t, b in TRAIN:
            c = find(rows, side="creamlab", kind="train", d=d, layers=L, T=t, B=b, variant=variant)
            p = find(rows, side="pytorch", kind="train", d=d, layers=L, T=t, B=b, variant=variant)
            if c is None and p is None:
                continue
            ratio = c["tokens_per_s"] / p["tokens_per_s"] if c and p else None
            params = c["params"] if c else p["params"]
            if c and p and not (c["params"] == c["params_counted"] == p["params"] == p["params_counted"]):
                params = f"MISMATCH {c['params_counted']} vs {p['params_counted']}"
            body.append([name, variant, params, fmt(c and c["ms_per_step"]), fmt(p and p["ms_per_step"]),
                         fmt(ratio, ".2f") + ("x" if ratio else ""),
                         f"{fmt(cpu(c), '.0f')}/{fmt(cpu(p), '.0f')}",
                         fmt(cpu(p) / cpu(c) if c and p else None, ".2f") + ("x" if c and p else ""),
                         fmt(c and c["gflops"]),
                         fmt(c and c["ceiling_gflops"]),
                         fmt(c and 100 * c["gflops"] / c["ceiling_gflops"], ".0f") + ("%" if c else ""),
                         fmt(p and p["gflops"]), fmt(p and p["ceiling_gflops"]),
                         fmt(p and 100 * p["gflops"] / p["ceiling_gflops"], ".0f") + ("%" if p else ""),
                         f"{fmt(share(c, 'train'), '.2f')}/{fmt(share(p, 'train'), '.2f')}"])
            # the targets hold for the project as it runs: its launch environment, against PyTorch with the
            # same malloc settings (PyTorch is as fast or faster with them)
            if variant == "launch" and ratio is not None:
                checks.append((f"throughput >= 1.0x PyTorch ({name})", ratio >= 1.0, f"{ratio:.2f}x"))
            if variant == "launch" and c is not None and d == 256:
                pct = 100 * c["gflops"] / c["ceiling_gflops"]
                checks.append((f"achieved >= 60% of the GEMM ceiling ({name})", pct >= 60, f"{pct:.0f}%"))
    out.append("env: default = glibc malloc defaults and MKL's stock dispatch; launch = the project's launch environment"
               " (see the header lines)")
    out.append("TRAINING: median ms/step over the timed steps (after 3 warm-up steps); ratio = creamlab tokens/s /"
               " PyTorch tokens/s;\nCPU ms/step = user+system CPU time per timed step, CPU ratio = PyTorch / creamlab"
               " CPU ms/step (the same comparison, less sensitive to other load);\nGFLOP/s = model matmul FLOPs per step / step time; ceiling = best GFLOP/s of"
               " the step's own GEMM shapes, measured in the same run by each side's own BLAS;\n"
               "CPU share = (user+system CPU time) / wall time of the timed steps (1.00 = one core fully ours)")
    out.append(table(header, body))

    # ---------------------------------------------------------------- breakdown
    for variant in ("default", "launch"):
        cols = []
        for name, d, L, t, b in TRAIN:
            for side in ("creamlab", "pytorch"):
                r = find(rows, side=side, kind="train", d=d, layers=L, T=t, B=b, variant=variant)
                if r:
                    cols.append((f"{side} d={d}", r))
        if not cols:
            continue
        lines = [("step (median)", "ms_per_step"), ("GEMMs alone", "gemm_ms"),
                 ("optimizer: grad norm + AdamW", "optimizer_ms"), ("elementwise groups (fwd+bwd)", "elementwise_ms")]
        lines += [("  " + label, "ew_" + key) for key, label in GROUPS]
        lines += [("rest: dispatch, autograd, allocation", "rest_ms"), ("fixed cost: step at B=1 T=8", "tiny_step_ms"),
                  ("minor page faults per step", "page_faults_per_step"),
                  ("kernel (system) CPU ms per step", "system_ms_per_step")]
        body = []
        for label, key in lines:
            body.append([label] + [fmt(r.get(key), ".0f" if "faults" in key else ".1f") for _, r in cols])
        body.append(["GEMM share of the step"] + [f"{100 * r['gemm_ms'] / r['ms_per_step']:.0f}%" for _, r in cols])
        body.append(["GEMM-only GFLOP/s"] + [f"{r.get('gemm_flops', r['flops_per_step']) / r['gemm_ms'] / 1e6:.1f}"
                                             for _, r in cols])
        out.append("")
        out.append(f"STEP BREAKDOWN, env {variant} (ms per training step; each part replayed alone at the step's"
                   " shapes; rest = step - the parts above it; creamlab's GEMMs are its linear layers, its attention"
                   " products run in the flash kernel)")
        out.append(table(["part"] + [n for n, _ in cols], body))

    # ---------------------------------------------------------------- forward
    header = ["forward B=1 d=256", "env", "creamlab s", "PyTorch s", "ratio", "creamlab peak MiB (+weights)",
              "PyTorch peak MiB (+weights)", "faults c/p", "kernel s c/p", "CPU share c/p"]
    body = []
    fw = sorted({(r["T"], r["layers"], r["variant"], r["chunk"]) for r in rows if r["kind"] == "forward"},
                key=lambda k: (k[2] != "default", k[3] == 0, -k[1], k[0]))
    for t, L, variant, chunk in fw:
        c = find(rows, side="creamlab", kind="forward", T=t, layers=L, variant=variant, chunk=chunk)
        p = find(rows, side="pytorch", kind="forward", T=t, layers=L, variant=variant, chunk=chunk)
        ratio = p["seconds"] / c["seconds"] if c and p else None

        def peak(r):
            return None if r is None else f"{r['peak_mib']:.0f} (+{r['peak_mib'] - r['baseline_mib']:.0f})"
        label = f"T={t} L={L}" + (" full attention" if chunk == 0 else f" chunk {chunk}")
        body.append([label, variant, fmt(c and c["seconds"], ".2f"), fmt(p and p["seconds"], ".2f"),
                     fmt(ratio, ".2f") + ("x" if ratio else ""), peak(c) or "-", peak(p) or "-",
                     f"{fmt(c and c['page_faults'], '.0f')}/{fmt(p and p['page_faults'], '.0f')}",
                     f"{fmt(c and c['system_s'], '.2f')}/{fmt(p and p['system_s'], '.2f')}",
                     f"{fmt(share(c, 'fwd'), '.2f')}/{fmt(share(p, 'fwd'), '.2f')}"])
    out.append("")
    out.append("FORWARD (no grad, B=1, d=256, each configuration in a fresh process; peak = process VmHWM, +weights ="
               " peak minus the RSS after the weights were created;\nratio = PyTorch time / creamlab time)")
    out.append(table(header, body))

    # ---------------------------------------------------------------- layer scaling
    out.append("")
    for side in ("creamlab", "pytorch"):
        peaks = {L: find(rows, side=side, kind="forward", T=4096, layers=L, variant="default", chunk=256)
                 for L in (1, 2, 4)}
        if all(peaks.values()):
            ys = [peaks[L]["peak_mib"] for L in (1, 2, 4)]
            a, b, resid = linear_fit([1, 2, 4], ys)
            heap = ""
            if side == "creamlab" and all("jvm_heap_committed_mib" in peaks[L] for L in (1, 2, 4)):
                heap = " (JVM heap committed " + ", ".join(
                    f"{peaks[L]['jvm_heap_committed_mib']:.0f}" for L in (1, 2, 4)) + " MiB)"
            out.append(f"layer scaling, {side} forward peak at T=4096: L=1 {ys[0]:.0f}, L=2 {ys[1]:.0f}, L=4 {ys[2]:.0f}"
                       f" MiB{heap}; least-squares line {a:.0f} {b:+.0f} MiB x layers, largest residual {resid:.0f} MiB")
            if side == "creamlab":
                # linear: the three points lie on a line within 10% of the L=4 peak (RSS noise)
                checks.append(("forward peak grows linearly with layers (T=4096, fit over L=1,2,4)",
                               resid <= 0.1 * ys[2], f"{b:+.0f} MiB/layer, residual {resid:.0f} MiB"))
    for variant in ("default", "launch"):
        c4 = find(rows, side="creamlab", kind="forward", T=4096, layers=4, variant=variant, chunk=256)
        if c4:
            checks.append((f"forward peak at T=4096, d=256, 4 layers < 2 GB (env {variant})", c4["peak_mib"] < 2048,
                           f"{c4['peak_mib']:.0f} MiB process peak"))

    out.append("")
    out.append("TARGETS")
    for name, ok, value in checks:
        out.append(f"  [{'PASS' if ok else 'MISS'}] {name}: {value}")
    print("\n".join(out))
    with open(os.path.join(folder, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
