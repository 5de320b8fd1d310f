"""Throw-away probe (docs/base-recipe.md): when does a copy warm-up build a content-matching induction head?

Trains copy rows x1..xm SEP g1..gk SEP x1..xm (m in [8, 50], gap k in [0, GAP], tokens from VC
distinct ids) and reports the teacher-forced copy accuracy with gap 0 and with gaps 0..16: a head that
copies by position fails the second, an induction head does not.
Run: /usr/bin/python3 copy_gap_probe.py 800 1000 16     (steps, VC, GAP)
"""
import sys, math, random, time, os
os.environ["OMP_NUM_THREADS"] = "1"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import torch
torch.set_num_threads(1)
from llama_reference import Config, Llama
steps, VC, GAP = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
V = 1100; T = 128; B = 32
torch.manual_seed(1); rnd = random.Random(1)
def row(gapmax):
    m = rnd.randint(8, 50); xs = [rnd.randrange(20, 20 + VC) for _ in range(m)]
    g = [rnd.randrange(20, 20 + VC) for _ in range(rnd.randint(0, gapmax))]
    p = xs + [1] + g + [2]
    return p, xs
def batch(gapmax):
    tok = torch.zeros(B, T, dtype=torch.long); tg = torch.zeros(B, T, dtype=torch.long); mk = torch.zeros(B, T)
    for b in range(B):
        p, a = row(gapmax); s = (p + a)[:T]; tok[b, :len(s)] = torch.tensor(s)
        for i in range(len(p), len(s) - 1):  # skip the first copied token (no cue)
            tg[b, i] = s[i + 1]; mk[b, i] = 1
    return tok, tg, mk
model = Llama(Config(128, 2, 4, vocab=V))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.0)
t0 = time.time()
for step in range(steps + 1):
    lr = 2e-3 * min(1, (step + 1) / 100)
    for gr in opt.param_groups: gr["lr"] = lr
    tok, tg, mk = batch(GAP)
    logits = model(tok); logp = torch.log_softmax(logits, -1)
    loss = -(logp.gather(2, tg.unsqueeze(-1)).squeeze(-1) * mk).sum() / mk.sum()
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
    if step % 50 == 0:
        with torch.no_grad():
            accs = []
            for ev in (0, 16):
                tok, tg, mk = batch(ev); am = model(tok).argmax(-1)
                accs.append(((am == tg).float() * mk).sum().item() / mk.sum().item())
        print(f"VC={VC} gap={GAP} step {step} loss {loss.item():.3f} acc gap0 {accs[0]:.2f} gap0-16 {accs[1]:.2f} {time.time()-t0:.0f}s", flush=True)
