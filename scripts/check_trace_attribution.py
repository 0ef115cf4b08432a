#!/usr/bin/python3
"""Independent float64 numpy check of the edges of a graph written by `cgram trace --dump-npz`.

Written from spec/circuit-tracer.md sections 1.2-1.7 and llama2.c's run.c, sharing no code with the Java tracer:
reads a legacy (version 0) llama2.c checkpoint and a transcoder folder in circuit-tracer's native layout (PLT with
optional W_skip, or CLT), runs the model in float64 on the dumped input tokens, recomputes the active features, the
error vectors and the logit targets, then builds the frozen network's linear map *forwards* (every source added once
more, pushed through frozen attention patterns and RMS scales and the linear skip path) and compares every edge of
the dumped adjacency (feature and logit rows; feature, error and token columns) within 1e-4 of its row's largest
|edge|. Prints a summary line and exits 1 on a mismatch.

usage: check_trace_attribution.py CHECKPOINT.bin TRANSCODER_DIR GRAPH.npz
"""
import json
import struct
import sys

import numpy as np

EPS = 1e-5


def read_checkpoint(path):
    data = open(path, "rb").read()
    dim, hidden, layers, heads, kv_heads, vocab, seq_len = struct.unpack("<7i", data[:28])
    shared = vocab > 0
    vocab = abs(vocab)
    floats = np.frombuffer(data, dtype="<f4", offset=28).astype(np.float64)
    head = dim // heads
    kv_dim = kv_heads * head
    at = 0

    def take(*shape):
        nonlocal at
        n = int(np.prod(shape))
        out = floats[at:at + n].reshape(shape)
        at += n
        return out

    w = {"emb": take(vocab, dim), "rms_att": take(layers, dim), "wq": take(layers, dim, dim),
         "wk": take(layers, kv_dim, dim), "wv": take(layers, kv_dim, dim), "wo": take(layers, dim, dim),
         "rms_ffn": take(layers, dim), "w1": take(layers, hidden, dim), "w2": take(layers, dim, hidden),
         "w3": take(layers, hidden, dim), "rms_final": take(dim)}
    take(seq_len * head)  # the unused RoPE tables
    w["cls"] = w["emb"] if shared else take(vocab, dim)
    return w, dict(dim=dim, layers=layers, heads=heads, kv_heads=kv_heads, head=head, vocab=vocab)


def read_safetensors(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        dtype = {"F32": "<f4", "I64": "<i8", "I32": "<i4"}[entry["dtype"]]
        begin, end = entry["data_offsets"]
        out[name] = np.frombuffer(data[8 + n + begin:8 + n + end], dtype=dtype).reshape(entry["shape"]).astype(np.float64)
    return out


def read_transcoders(folder, layers):
    """Per source layer: (W_enc [F,d], b_enc, threshold, decoders {output layer: [F,d]}), b_dec per layer, skips."""
    import os
    feats, b_dec, skips = [], [], []
    clt = os.path.exists(os.path.join(folder, "W_enc_0.safetensors"))
    for l in range(layers):
        if clt:
            e = read_safetensors(os.path.join(folder, f"W_enc_{l}.safetensors"))
            d = read_safetensors(os.path.join(folder, f"W_dec_{l}.safetensors"))[f"W_dec_{l}"]
            feats.append((e[f"W_enc_{l}"], e[f"b_enc_{l}"], e.get(f"threshold_{l}"),
                          {l + j: d[:, j, :] for j in range(layers - l)}))
            b_dec.append(e[f"b_dec_{l}"])
            skips.append(None)
        else:
            t = read_safetensors(os.path.join(folder, f"layer_{l}.safetensors"))
            feats.append((t["W_enc"], t["b_enc"], t.get("activation_function.threshold"), {l: t["W_dec"]}))
            b_dec.append(t["b_dec"])
            skips.append(t.get("W_skip"))
    return feats, b_dec, skips


def rope(x, positions, head):
    """run.c: pairs (2i, 2i+1) of each head turn by pos * 10000^(-2i/head)."""
    out = x.copy()
    for p in range(positions):
        for i in range(0, x.shape[1], 2):
            freq = 1.0 / (10000.0 ** ((i % head) / head))
            c, s = np.cos(p * freq), np.sin(p * freq)
            a, b = x[p, i], x[p, i + 1]
            out[p, i], out[p, i + 1] = a * c - b * s, a * s + b * c
    return out


def forward(w, c, tokens):
    p = len(tokens)
    x = w["emb"][tokens].copy()
    rec = {"attn_scale": [], "mlp_scale": [], "pattern": [], "mlp_in": [], "mlp_out": []}
    group = c["heads"] // c["kv_heads"]
    h = c["head"]
    for l in range(c["layers"]):
        s1 = np.sqrt((x * x).mean(axis=1, keepdims=True) + EPS)
        n1 = x / s1 * w["rms_att"][l]
        q = rope(n1 @ w["wq"][l].T, p, h)
        k = rope(n1 @ w["wk"][l].T, p, h)
        v = n1 @ w["wv"][l].T
        pattern = np.zeros((c["heads"], p, p))
        att = np.zeros((p, c["dim"]))
        for head in range(c["heads"]):
            kv = head // group
            scores = q[:, head * h:(head + 1) * h] @ k[:, kv * h:(kv + 1) * h].T / np.sqrt(h)
            scores[np.triu_indices(p, 1)] = -np.inf
            a = np.exp(scores - scores.max(axis=1, keepdims=True))
            a /= a.sum(axis=1, keepdims=True)
            pattern[head] = a
            att[:, head * h:(head + 1) * h] = a @ v[:, kv * h:(kv + 1) * h]
        x = x + att @ w["wo"][l].T
        s2 = np.sqrt((x * x).mean(axis=1, keepdims=True) + EPS)
        n2 = x / s2 * w["rms_ffn"][l]
        g = n2 @ w["w1"][l].T
        y = ((g / (1 + np.exp(-g))) * (n2 @ w["w3"][l].T)) @ w["w2"][l].T
        x = x + y
        for key, value in (("attn_scale", s1), ("mlp_scale", s2), ("pattern", pattern), ("mlp_in", n2),
                           ("mlp_out", y)):
            rec[key].append(value)
    sf = np.sqrt((x * x).mean(axis=1, keepdims=True) + EPS)
    rec["final_scale"] = sf
    rec["logits"] = (x / sf * w["rms_final"]) @ w["cls"].T
    return rec


def push(w, c, rec, skips, embedding, added):
    """The frozen network's linear part on a batch: embedding [S,P,d], added[l] [S,P,d] at each MLP output."""
    group = c["heads"] // c["kv_heads"]
    h = c["head"]
    r = embedding.copy()
    inputs = []
    for l in range(c["layers"]):
        n1 = r / rec["attn_scale"][l][None] * w["rms_att"][l]
        v = n1 @ w["wv"][l].T
        att = np.zeros_like(r)
        for head in range(c["heads"]):
            kv = head // group
            att[:, :, head * h:(head + 1) * h] = np.einsum("qk,skj->sqj", rec["pattern"][l][head],
                                                           v[:, :, kv * h:(kv + 1) * h])
        r = r + att @ w["wo"][l].T
        x_in = r / rec["mlp_scale"][l][None] * w["rms_ffn"][l]
        inputs.append(x_in)
        if skips[l] is not None:
            r = r + x_in @ skips[l].T
        r = r + added[l]
    return inputs, r / rec["final_scale"][None] * w["rms_final"]


def main(argv):
    w, c = read_checkpoint(argv[1])
    z = np.load(argv[3])
    tokens = z["input_tokens"]
    p, d, layers = len(tokens), c["dim"], c["layers"]
    feats, b_dec, skips = read_transcoders(argv[2], layers)
    rec = forward(w, c, tokens)
    problems = []

    # active features (spec 1.3): positions >= 1, h > threshold (or h > 0 without one)
    mine = []
    pre = []
    for l, (enc, b_enc, theta, _) in enumerate(feats):
        h = rec["mlp_in"][l] @ enc.T + b_enc
        pre.append(h)
        cut = theta if theta is not None else np.zeros_like(b_enc)
        for pos in range(1, p):
            for f in np.nonzero(h[pos] > cut)[0]:
                mine.append((l, pos, f))
    dumped = [tuple(row) for row in z["active_features"]]
    flipped = set(mine) ^ set(dumped)
    near = [k for k in flipped if abs(pre[k[0]][k[1], k[2]] - (feats[k[0]][2][k[2]] if feats[k[0]][2] is not None
                                                                 else 0)) < 1e-4]
    if len(flipped) != len(near):
        problems.append(f"active sets differ beyond threshold rounding: {sorted(flipped - set(near))[:5]}")

    # logit targets (spec 1.6)
    logits = rec["logits"][-1]
    prob = np.exp(logits - logits.max())
    prob /= prob.sum()
    order = np.argsort(-prob, kind="stable")[:10]
    cumulative = np.cumsum(prob[order])
    keep = int(np.searchsorted(cumulative, 0.95, side="left")) + 1 if cumulative[-1] >= 0.95 else 10
    if list(order[:keep]) != list(z["logit_tokens"]):
        problems.append(f"logit targets {list(order[:keep])}, dumped {list(z['logit_tokens'])}")
    u = w["cls"][z["logit_tokens"]] - w["cls"].mean(axis=0)

    # sources of the dumped graph (its active set), with this script's activations and error vectors
    sel = z["selected_features"]
    act_rows = [tuple(z["active_features"][i]) for i in sel]
    activation = {k: pre[k[0]][k[1], k[2]] for k in act_rows}
    recon = [np.tile(b_dec[l], (p, 1)) for l in range(layers)]
    for (l, pos, f) in dumped:
        for out, dec in feats[l][3].items():
            recon[out][pos] += pre[l][pos, f] * dec[f]
    for l in range(layers):
        if skips[l] is not None:
            recon[l] += rec["mlp_in"][l] @ skips[l].T
    errors = [rec["mlp_out"][l] - recon[l] for l in range(layers)]
    for e in errors:
        e[0] = 0
    n_feat = len(sel)
    n_src = n_feat + layers * p + p
    emb = np.zeros((n_src, p, d))
    added = [np.zeros((n_src, p, d)) for _ in range(layers)]
    for i, (l, pos, f) in enumerate(act_rows):
        for out, dec in feats[l][3].items():
            added[out][i, pos] = activation[(l, pos, f)] * dec[f]
    for l in range(layers):
        for pos in range(p):
            added[l][n_feat + l * p + pos, pos] = errors[l][pos]
    for pos in range(p):
        emb[n_feat + layers * p + pos, pos] = w["emb"][tokens[pos]]
    inputs, final = push(w, c, rec, skips, emb, added)
    expected = np.zeros((n_feat + len(u), n_src))
    for i, (l, pos, f) in enumerate(act_rows):
        expected[i] = inputs[l][:, pos, :] @ feats[l][0][f]
    expected[n_feat:] = (final[:, p - 1, :] @ u.T).T
    a = z["adjacency"].astype(np.float64)
    rows = list(range(n_feat)) + list(range(a.shape[0] - len(u), a.shape[0]))
    got = a[rows][:, :n_src]
    scale = np.maximum(np.abs(got).max(axis=1, keepdims=True), 1e-12)
    worst = float((np.abs(got - expected) / scale).max())
    if worst > 1e-4:
        problems.append(f"edges differ: worst {worst:.3e} of the row's largest edge")
    for line in problems:
        print(line)
    print(f"{n_feat} features, {len(u)} logits, {n_src} sources; worst edge error {worst:.3e} of the row maximum;"
          f" {len(near)} features on the other side of a threshold by < 1e-4; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
