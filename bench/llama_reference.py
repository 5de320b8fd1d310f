#!/usr/bin/env python3
"""PyTorch eager reference for creamlab's ModelBenchmark (run by bench/run.sh).

The same Llama-style decoder as org.creamlab.model.LlamaModel, written as plain eager PyTorch:
token embedding; per layer h += o(attn(rope(q(rms(h))), rope(k(rms(h))), v(rms(h)))) and
h += down(silu(gate(rms(h))) * up(rms(h))); final RMSNorm; LM head tied to the embedding.
RMSNorm in float32 with eps 1e-5, RoPE base 10000 in the Hugging Face rotate-half layout with the
1/sqrt(head_dim) attention scale applied to the queries (creamlab folds it into the queries' cos/sin
tables), additive causal mask and softmax, SwiGLU with FFN = 4d, no biases, init N(0, 0.02^2) and
norm gains 1. Loss: masked next-token NLL (log-softmax, gather, mask of every position but the last,
sum / masked count). Optimizer: torch.optim.AdamW(lr 1e-3, betas (0.9, 0.95), eps 1e-8, weight decay
0 -- creamlab's TrainingConfig default -- with norm gains in a no-decay group) after
clip_grad_norm_(1.0), as creamlab's Trainer does.

The long-sequence forward runs under torch.no_grad() with the same algorithm as creamlab's
logitsLowMemory: each layer's queries in chunks of 256, each chunk attending only to the keys it can
see (--chunk 0 gives plain full attention with a T x T score matrix).

Commands (each prints human lines and one "BENCH {json}" line per measurement):
  llama_reference.py train [--timed-small 12] [--timed-medium 6]
  llama_reference.py forward --T 4096 --layers 4 [--chunk 256]   (one per fresh process)
Threads: --threads N (default $THREADS or 1) -> torch.set_num_threads(N), interop threads 1.
"""

import argparse
import json
import math
import os
import resource
import sys
import time


def _threads_from_argv():
    for i, a in enumerate(sys.argv):
        if a == "--threads" and i + 1 < len(sys.argv):
            return sys.argv[i + 1]
        if a.startswith("--threads="):
            return a.split("=", 1)[1]
    return os.environ.get("THREADS", "1")


# OpenBLAS and OpenMP read these when the library loads, so set them before importing torch.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, _threads_from_argv())

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

WARMUP_STEPS = 3
QUERY_CHUNK = 256


# ------------------------------------------------------------------------------------------ model


class Config:
    def __init__(self, d, layers, heads, vocab=512, ffn=None, eps=1e-5, base=10000.0):
        self.d, self.layers, self.heads, self.vocab = d, layers, heads, vocab
        self.ffn = ffn or 4 * d
        self.eps, self.base = eps, base
        self.head_dim = d // heads

    def parameter_count(self):
        # the same formula as LlamaConfig.parameterCount (tied head, kv heads = heads)
        d, f = self.d, self.ffn
        per_layer = 4 * d * d + 3 * d * f + 2 * d
        return self.vocab * d + self.layers * per_layer + d


def small_config():
    return Config(128, 2, 4)


def medium_config(layers=4):
    return Config(256, layers, 8)


class RMSNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def rope(x, cos, sin):
    return x * cos + rotate_half(x) * sin


def causal_mask(q_start, q_end, keys):
    """Additive mask (q_end - q_start, keys): -inf where key index > query index."""
    q = torch.arange(q_start, q_end).unsqueeze(1)
    k = torch.arange(keys).unsqueeze(0)
    return torch.zeros(q_end - q_start, keys).masked_fill_(k > q, float("-inf"))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        d, f = c.d, c.ffn
        self.input_layernorm = RMSNorm(d, c.eps)
        self.q_proj = nn.Linear(d, d, bias=False)
        self.k_proj = nn.Linear(d, d, bias=False)
        self.v_proj = nn.Linear(d, d, bias=False)
        self.o_proj = nn.Linear(d, d, bias=False)
        self.post_attention_layernorm = RMSNorm(d, c.eps)
        self.gate_proj = nn.Linear(d, f, bias=False)
        self.up_proj = nn.Linear(d, f, bias=False)
        self.down_proj = nn.Linear(f, d, bias=False)

    def forward(self, h, cos, sin, mask, chunk):
        c = self.c
        b, t, d = h.shape
        x = self.input_layernorm(h)
        q = self.q_proj(x).view(b, t, c.heads, c.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(b, t, c.heads, c.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(b, t, c.heads, c.head_dim).transpose(1, 2)
        q = rope(q, cos, sin) * (1.0 / math.sqrt(c.head_dim))
        k = rope(k, cos, sin)
        if chunk <= 0 or t <= chunk:
            p = torch.softmax(q @ k.transpose(-2, -1) + mask, dim=-1)
            o = p @ v
        else:  # inference only: query chunks, each against the keys it can see
            outs = []
            for start in range(0, t, chunk):
                end = min(t, start + chunk)
                s = q[:, :, start:end] @ k[:, :, :end].transpose(-2, -1)
                outs.append(torch.softmax(s + causal_mask(start, end, end), dim=-1) @ v[:, :, :end])
            o = torch.cat(outs, dim=2)
        h = h + self.o_proj(o.transpose(1, 2).reshape(b, t, d))
        y = self.post_attention_layernorm(h)
        return h + self.down_proj(F.silu(self.gate_proj(y)) * self.up_proj(y))


class Llama(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.embed_tokens = nn.Embedding(c.vocab, c.d)
        self.layers = nn.ModuleList(Block(c) for _ in range(c.layers))
        self.norm = RMSNorm(c.d, c.eps)
        for name, p in self.named_parameters():
            if not name.endswith("layernorm.weight") and name != "norm.weight":
                nn.init.normal_(p, mean=0.0, std=0.02)
        inv = 1.0 / (c.base ** (torch.arange(0, c.head_dim, 2, dtype=torch.float64) / c.head_dim))
        self.register_buffer("inv_freq", inv, persistent=False)

    def rope_tables(self, t):
        angles = torch.arange(t, dtype=torch.float64).unsqueeze(1) * self.inv_freq.unsqueeze(0)
        emb = torch.cat((angles, angles), dim=-1)
        return emb.cos().float(), emb.sin().float()  # (T, head_dim), broadcast over (B, H)

    def forward(self, tokens, chunk=0, last_only=False):
        t = tokens.shape[1]
        cos, sin = self.rope_tables(t)
        mask = causal_mask(0, t, t) if chunk <= 0 or t <= chunk else None
        h = self.embed_tokens(tokens)
        for layer in self.layers:
            h = layer(h, cos, sin, mask, chunk)
        if last_only:
            h = h[:, -1:]
        return F.linear(self.norm(h), self.embed_tokens.weight)  # tied head

    def loss(self, tokens, targets, loss_mask, scale):
        logp = torch.log_softmax(self(tokens), dim=-1)
        picked = logp.gather(2, targets.unsqueeze(-1))
        return -(picked * loss_mask.unsqueeze(-1)).sum() * scale


def next_token_batch(b, t, vocab, gen):
    tokens = torch.randint(0, vocab, (b, t), generator=gen)
    targets = torch.zeros_like(tokens)
    targets[:, :-1] = tokens[:, 1:]
    mask = torch.zeros(b, t)
    mask[:, :-1] = 1.0
    return tokens, targets, mask, 1.0 / (b * (t - 1))


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if not n.endswith("norm.weight")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("norm.weight")]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.0}, {"params": no_decay, "weight_decay": 0.0}],
                             lr=1e-3, betas=(0.9, 0.95), eps=1e-8)


# ------------------------------------------------------------------------------------ measurement


def flops_forward(c, b, t):
    """Matmul FLOPs of one forward, the formula of Flops.forward (ModelBenchmark)."""
    n, d = b * t, c.d
    per_layer = 2 * n * (2 * d * d + 2 * d * d + 3 * d * c.ffn) + 4 * b * t * t * d
    return c.layers * per_layer + 2 * n * d * c.vocab


def proc_status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_minflt, r.ru_utime, r.ru_stime


def blas_libraries():
    """The BLAS/LAPACK shared objects this process has mapped (which BLAS torch really uses)."""
    with open("/proc/self/maps") as f:
        return sorted({line.split()[-1] for line in f if "blas" in line.lower() or "lapack" in line.lower()})


def emit(obj):
    print("BENCH " + json.dumps(obj), flush=True)


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def best_of(reps, fn):
    fn()
    best = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def train(c, t, b, timed):
    torch.manual_seed(1)
    model = Llama(c)
    opt = make_optimizer(model)
    gen = torch.Generator().manual_seed(0)
    params = list(model.parameters())
    times, losses = [], []
    u0 = None
    for step in range(WARMUP_STEPS + timed):
        if step == WARMUP_STEPS:
            u0 = usage()
        start = time.perf_counter()
        tokens, targets, mask, scale = next_token_batch(b, t, c.vocab, gen)
        loss = model.loss(tokens, targets, mask, scale)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        losses.append(loss.item())
        if step >= WARMUP_STEPS:
            times.append(time.perf_counter() - start)
    u1 = usage()
    per_step = [(u1[i] - u0[i]) / timed for i in range(3)]
    return times, losses, per_step, sum(p.numel() for p in params)


def optimizer_ms(c, reps=10):
    """clip_grad_norm_ + AdamW.step + zero_grad alone (gradients present, values irrelevant)."""
    model = Llama(c)
    opt = make_optimizer(model)
    params = list(model.parameters())
    times = []
    for i in range(reps + 3):
        sum(p.sum() for p in params).backward()
        start = time.perf_counter()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if i >= 3:
            times.append(time.perf_counter() - start)
    return 1000 * median(times)


def gemm_replay(c, b, t):
    """Every matmul of a training step alone at its shape, as GemmCeiling.replay (ModelBenchmark)."""
    n, d, f, v, L, h, hd = b * t, c.d, c.ffn, c.vocab, c.layers, c.heads, c.head_dim
    r = torch.randn
    gemms = []
    for (i, o, times) in ((d, d, 2 * L), (d, d, 2 * L), (d, f, 2 * L), (f, d, L), (d, v, 1)):
        fl = 2.0 * n * i * o
        gemms.append((f"fwd x{n}x{i} W^T {o}x{i}", times, fl, (r(n, i), r(o, i)), "linear"))
        gemms.append((f"dX {n}x{o} W {o}x{i}", times, fl, (r(n, o), r(o, i)), "mm"))
        gemms.append((f"dW dY^T {o}x{n} X {n}x{i}", times, fl, (r(n, o).t(), r(n, i)), "mm"))
    att = 2.0 * b * h * t * t * hd
    qs, ss = (b, h, t, hd), (b, h, t, t)
    gemms += [
        ("attn Q K^T", L, att, (r(*qs), r(*qs).transpose(-2, -1)), "mm"),
        ("attn P V", L, att, (r(*ss), r(*qs)), "mm"),
        ("attn dP = dO V^T", L, att, (r(*qs), r(*qs).transpose(-2, -1)), "mm"),
        ("attn dV = P^T dO", L, att, (r(*ss).transpose(-2, -1), r(*qs)), "mm"),
        ("attn dQ = dS K", L, att, (r(*ss), r(*qs)), "mm"),
        ("attn dK = dS^T Q", L, att, (r(*ss).transpose(-2, -1), r(*qs)), "mm"),
    ]
    total, count, best, best_name = 0.0, 0, 0.0, ""
    with torch.no_grad():
        for name, times, fl, (a, w), kind in gemms:
            fn = (lambda a=a, w=w: F.linear(a, w)) if kind == "linear" else (lambda a=a, w=w: a @ w)
            s = best_of(4, fn)
            total += times * s
            count += times
            if fl / s / 1e9 > best:
                best, best_name = fl / s / 1e9, name
    return total, count, best, best_name


def elementwise_groups(c, b, t):
    """Forward + backward of the non-GEMM op groups alone, as ElementwiseGroups.measure (ModelBenchmark)."""
    d, h, hd, f, v, L = c.d, c.heads, c.head_dim, c.ffn, c.vocab, c.layers

    def fwd_bwd(shapes, op):
        xs = [torch.randn(*s, requires_grad=True) for s in shapes]

        def run():
            y = op(*xs)
            y.backward(torch.ones_like(y))
            for x in xs:
                x.grad = None
        return best_of(6, run)

    cos, sin = torch.randn(t, hd), torch.randn(t, hd)
    ids = torch.randint(0, v, (b, t))
    targets = ids.unsqueeze(-1)
    mask = torch.ones(b, t, 1)
    scale = 1.0 / (b * (t - 1))
    eps = c.eps
    out = {}
    out["rmsnorm (2L+1)"] = (2 * L + 1) * fwd_bwd(
        [(b, t, d), (d,)], lambda x, w: x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w)
    out["rope q,k (2L)"] = 2 * L * fwd_bwd(
        [(b, t, h, hd)], lambda x: rope(x.transpose(1, 2), cos, sin) * (1.0 / math.sqrt(hd)))
    # this reference builds the (T, T) mask once per forward (creamlab: once per layer)
    out["causal mask build (per use)"] = best_of(6, lambda: causal_mask(0, t, t))
    built = causal_mask(0, t, t)
    out["mask add+softmax (L)"] = L * fwd_bwd([(b, h, t, t)], lambda s: torch.softmax(s + built, dim=-1))
    out["merge heads (L)"] = L * fwd_bwd([(b, h, t, hd)], lambda x: x.transpose(1, 2).reshape(b, t, d))
    out["silu*up (L)"] = L * fwd_bwd([(b, t, f), (b, t, f)], lambda g, u: F.silu(g) * u)
    out["residual add (2L)"] = 2 * L * fwd_bwd([(b, t, d), (b, t, d)], lambda x, y: x + y)
    out["embedding (1)"] = fwd_bwd([(v, d)], lambda w: F.embedding(ids, w))
    out["loss: log-softmax+gather (1)"] = fwd_bwd(
        [(b, t, v)], lambda x: -(torch.log_softmax(x, -1).gather(2, targets) * mask).sum() * scale)
    return out


def train_report(c, t, b, timed, threads):
    times, losses, (faults, user, system), counted = train(c, t, b, timed)
    step = median(times)
    flops = 3 * flops_forward(c, b, t)
    gemm_s, gemm_n, best, best_name = gemm_replay(c, b, t)
    opt_ms = optimizer_ms(c)
    groups = elementwise_groups(c, b, t)
    ew = sum(groups.values())
    tiny, _, _, _ = train(c, 8, 1, 10)
    rest = step - gemm_s - opt_ms / 1000 - ew
    achieved = flops / step / 1e9
    print(f"train d={c.d} L={c.layers} T={t} B={b} params={counted}: median {1000 * step:.1f} ms/step "
          f"(min {1000 * min(times):.1f}, {len(times)} timed steps), {b * t / step:.0f} tokens/s, {achieved:.2f} GFLOP/s; "
          f"loss {losses[0]:.3f} -> {losses[-1]:.3f}")
    print(f"  matmul ceiling (best of the step's GEMM shapes, {best_name}): {best:.1f} GFLOP/s -> "
          f"{100 * achieved / best:.0f}% of ceiling")
    print(f"  GEMMs alone ({gemm_n} matmuls/step): {1000 * gemm_s:.1f} ms = {flops / gemm_s / 1e9:.1f} GFLOP/s")
    print(f"  step {1000 * step:.1f} ms = GEMM {1000 * gemm_s:.1f} + optimizer {opt_ms:.1f} + elementwise groups "
          f"{1000 * ew:.1f} + rest {1000 * rest:.1f}")
    for k, val in groups.items():
        print(f"    {k:34s} {1000 * val:7.1f} ms/step")
    print(f"  fixed cost per step (B=1 T=8): {1000 * median(tiny):.1f} ms; per timed step {faults:.0f} minor faults, "
          f"user {1000 * user:.1f} ms, system {1000 * system:.1f} ms")
    j = {"side": "pytorch", "kind": "train", "d": c.d, "layers": c.layers, "heads": c.heads, "ffn": c.ffn,
         "vocab": c.vocab, "T": t, "B": b, "params": c.parameter_count(), "params_counted": counted,
         "threads": str(threads), "timed_steps": len(times), "ms_per_step": 1000 * step,
         "ms_per_step_min": 1000 * min(times), "ms_per_step_mean": 1000 * sum(times) / len(times),
         "tokens_per_s": b * t / step, "flops_per_step": flops, "gflops": achieved, "ceiling_gflops": best,
         "ceiling_shape": best_name, "gemm_ms": 1000 * gemm_s, "gemm_count": gemm_n, "optimizer_ms": opt_ms,
         "elementwise_ms": 1000 * ew}
    for k, val in groups.items():
        j["ew_" + "_".join("".join(ch if ch.isalnum() else " " for ch in k).split())] = 1000 * val
    j.update({"rest_ms": 1000 * rest, "tiny_step_ms": 1000 * median(tiny), "page_faults_per_step": faults,
              "user_ms_per_step": 1000 * user, "system_ms_per_step": 1000 * system, "loss_first": losses[0],
              "loss_last": losses[-1], "torch": torch.__version__, "blas": " ".join(blas_libraries())})
    emit(j)


def forward_report(t, layers, chunk, threads):
    c = medium_config(layers)
    torch.manual_seed(1)
    model = Llama(c).eval()
    tokens = torch.randint(0, c.vocab, (1, t), generator=torch.Generator().manual_seed(t))
    baseline = proc_status("VmRSS:")
    with torch.no_grad():
        model(tokens, chunk=chunk, last_only=True)  # warm-up
        u0 = usage()
        start = time.perf_counter()
        logits = model(tokens, chunk=chunk).contiguous().numpy().copy()
        seconds = time.perf_counter() - start
        u1 = usage()
    faults, user, system = (u1[i] - u0[i] for i in range(3))
    peak = proc_status("VmHWM:")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    fl = flops_forward(c, 1, t)
    print(f"forward d={c.d} L={layers} T={t} B=1 (query chunk {chunk}): {seconds:.3f} s, {fl / seconds / 1e9:.2f} GFLOP/s, "
          f"RSS after weights {baseline:.0f} MiB, process peak {peak:.0f} MiB (+{peak - baseline:.0f} MiB); "
          f"{faults:.0f} minor faults, user {user:.2f} s, system {system:.2f} s")
    emit({"side": "pytorch", "kind": "forward", "d": c.d, "layers": layers, "T": t, "B": 1, "chunk": chunk,
          "params": c.parameter_count(), "params_counted": sum(p.numel() for p in model.parameters()),
          "threads": str(threads), "seconds": seconds, "gflops": fl / seconds / 1e9, "baseline_mib": baseline,
          "peak_mib": peak, "ru_maxrss_mib": maxrss,
          "page_faults": faults, "user_s": user, "system_s": system, "logits": int(logits.size), "torch": torch.__version__})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["train", "forward"])
    ap.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "1")))
    ap.add_argument("--timed-small", type=int, default=12)
    ap.add_argument("--timed-medium", type=int, default=6)
    ap.add_argument("--T", type=int, default=1024)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--chunk", type=int, default=QUERY_CHUNK)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.randn(64, 64) @ torch.randn(64, 64)  # loads the BLAS
    print(f"threads={torch.get_num_threads()} torch={torch.__version__} blas={' '.join(blas_libraries()) or 'built-in'}")
    if args.command == "train":
        train_report(small_config(), 128, 16, args.timed_small, args.threads)
        train_report(medium_config(4), 256, 8, args.timed_medium, args.threads)
    else:
        forward_report(args.T, args.layers, args.chunk, args.threads)


if __name__ == "__main__":
    main()
