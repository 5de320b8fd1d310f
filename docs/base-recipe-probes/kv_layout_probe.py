"""Throw-away probe (docs/base-recipe.md): does a key-value layout with the key last learn, and ours not?

Pure PyTorch (Debian python3-torch), the same model as bench/llama_reference.py (d=128, 2 layers,
4 heads, tied head), AdamW 2e-3, batch 32, window 128, loss on answers. Rows: a gapped copy warm-up
(80% until its running token accuracy passes 0.9, then 10%) and kv records with exactly 2, 4, 8, 16
pairs (the level doubles when the running exact match over 200 rows passes 0.9).
  layout "ours":    ... { k : v , ... } NL key : k NL corresponding value :  -> v
  layout "keylast": ... { k : v , ... } NL corresponding value key k         -> v
Run: /usr/bin/python3 kv_layout_probe.py 1400 keylast   (about 0.5-0.8 s/step at 1 thread)
"""
import sys, math, random, time, os
os.environ["OMP_NUM_THREADS"] = "1"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import torch, torch.nn.functional as F
torch.set_num_threads(1)
from llama_reference import Config, Llama
steps = int(sys.argv[1]); layout = sys.argv[2] if len(sys.argv) > 2 else "ours"
V = 1100; T = 128; B = 32
torch.manual_seed(1); rnd = random.Random(1)
SEP, LB, RB, COLON, COMMA, NL, KEY, CORR, VAL = 1, 2, 3, 4, 5, 6, 7, 8, 9
HDR = [10, 11, 12, 13, 14, 15, 16, 17, 6]
KEYS = list(range(100, 600)); VALS = list(range(600, 1100))
def kv_row(n):
    ks = rnd.sample(KEYS, n); vs = rnd.sample(VALS, n); g = rnd.randrange(n)
    if layout == "ours":
        toks = HDR + [LB]
        for k, v in zip(ks, vs): toks += [k, COLON, v, COMMA]
        toks[-1] = RB
        toks += [NL, KEY, COLON, ks[g], NL, CORR, VAL, COLON]
    elif layout == "keylast":
        toks = HDR + [LB]
        for k, v in zip(ks, vs): toks += [k, COLON, v, COMMA]
        toks[-1] = RB
        toks += [NL, CORR, VAL, KEY, ks[g]]
    else:  # induction-shaped
        toks = [LB]
        for k, v in zip(ks, vs): toks += [k, v, COMMA]
        toks += [RB, ks[g]]
    return toks, [vs[g]], 1
def copy_row():
    m = rnd.randint(8, 50); xs = [rnd.randrange(20, V) for _ in range(m)]
    g = [rnd.randrange(20, V) for _ in range(rnd.randint(0, 16))]
    return xs + [SEP] + g + [SEP], xs, m
model = Llama(Config(128, 2, 4, vocab=V))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.0)
level = 2; hist = []; copyacc = 0.0; chist = []
t0 = time.time()
for step in range(steps):
    lr = 2e-3 * (step + 1) / 100 if step < 100 else 2e-3 * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (step - 100) / (steps - 100))))
    for g in opt.param_groups: g["lr"] = lr
    copy_share = 0.8 if copyacc < 0.9 else 0.1
    tok = torch.zeros(B, T, dtype=torch.long); tg = torch.zeros(B, T, dtype=torch.long); mk = torch.zeros(B, T)
    kvrows = []; crows = []
    for b in range(B):
        if rnd.random() < copy_share:
            p, a, na = copy_row(); crows.append((b, len(p), len(p) + len(a) - 1))
        else:
            p, a, na = kv_row(level); kvrows.append((b, len(p) - 1))
        s = p + a
        s = s[:T]
        tok[b, :len(s)] = torch.tensor(s)
        for i in range(len(p) - 1, len(s) - 1):
            tg[b, i] = s[i + 1]; mk[b, i] = 1
    logits = model(tok)
    logp = torch.log_softmax(logits, -1)
    loss = -(logp.gather(2, tg.unsqueeze(-1)).squeeze(-1) * mk).sum() / mk.sum()
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
    with torch.no_grad():
        am = logits.argmax(-1)
        for b, i in kvrows: hist.append(float(am[b, i] == tg[b, i]))
        for b, i, j in crows: chist.append((am[b, i:j] == tg[b, i:j]).float().mean().item())
    chist = chist[-100:]; copyacc = sum(chist) / max(1, len(chist)) if len(chist) > 30 else 0
    hist = hist[-200:]
    acc = sum(hist) / max(1, len(hist))
    if len(hist) >= 150 and acc > 0.9 and level < 16:
        print(f"step {step}: level {level} passed ({acc:.2f})", flush=True); level *= 2; hist = []
    if step % 50 == 0:
        print(f"step {step} loss {loss.item():.3f} level {level} kv-acc {acc:.2f} copy {copyacc:.2f} lr {lr:.5f} {time.time()-t0:.0f}s", flush=True)
