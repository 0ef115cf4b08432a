#!/usr/bin/python3
"""Independent reference values for the Step 8 census statistics (numpy + scipy, Debian python3-numpy/-scipy).

Writes motifs/src/test/resources/stats/census-statistics-fixture.json: two synthetic "graphs", each a triad family
(16 classes) and a signed family (20 classes) with an observed count and n null samples per class, shaped like a
DAG-preserving null (the open triads and 003/012 are affine in 030T, the cyclic triads constant) plus free columns.
Per row it computes, from the definitions in docs/census.md and without the Java code:
  mean, population sd, log2(obs / mean) and its 95 % interval log2(obs / (mean -/+ z * s / sqrt(n))) with the sample
  sd s (ddof = 1) and z = scipy.stats.norm.ppf(0.975); concentration obs / connected triads of the observed graph and
  the mean over samples of count / connected triads of that sample; the role (constant, determined by an earlier
  independent row through an exact rational affine relation, or independent; visiting 030T first, then the other
  triads, then the signed rows); the significance profile Z / ||Z|| over the independent connected rows of each
  family with a defined Z; the empirical two-sided p; Benjamini-Hochberg q from the definition over the independent
  rows of both graphs.
Run from the repository root:  /usr/bin/python3 scripts/census_statistics_fixture.py
"""
import json
import math
from fractions import Fraction

import numpy as np
from scipy.stats import norm

rng = np.random.default_rng(20261207)
TRIADS = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D", "120U",
          "120C", "210", "300"]
DISCONNECTED = {"003", "012", "102"}
SIGNED = ["C1", "C2", "C3", "C4", "I1", "I2", "I3", "I4", "chain++", "chain+-", "chain-+", "chain--",
          "fanout++", "fanout+-", "fanout--", "fanin++", "fanin+-", "fanin--", "coherent", "incoherent"]
N = 40


def graph_case(base, spread):
    """Columns (observed first, then N samples) of every triad and signed class."""
    t = np.concatenate(([base], base + rng.integers(-spread, spread + 1, N) - spread // 3))
    cols = {"030T": t, "003": 90_000 - t, "012": 700 + 3 * t, "021D": 4 * base - t, "021U": 5 * base - t,
            "021C": 3 * base - t}
    for label in ["102", "111D", "111U", "030C", "201", "120D", "120U", "120C", "210", "300"]:
        cols[label] = np.zeros(N + 1, dtype=np.int64)
    # eight FFL sign types partitioning 030T; chains and fans free
    parts = np.zeros((8, N + 1), dtype=np.int64)
    for i in range(N + 1):
        cut = np.sort(rng.integers(0, t[i] + 1, 7))
        edges = np.concatenate(([0], cut, [t[i]]))
        parts[:, i] = np.diff(edges)
    for k in range(8):
        cols[SIGNED[k]] = parts[k]
    for label in SIGNED[8:18]:
        cols[label] = rng.integers(0, 3 * spread + 5, N + 1)
    cols["chain--"] = cols["chain++"] * 2 + 7  # a duplicate in disguise: affine in chain++
    cols["coherent"] = parts[:4].sum(axis=0)
    cols["incoherent"] = parts[4:].sum(axis=0)
    return {k: [int(x) for x in v] for k, v in cols.items()}


def affine(x, y):
    x0, y0 = x[0], y[0]
    ref = next(i for i in range(len(x)) if x[i] != x0)
    b = Fraction(y[ref] - y0, x[ref] - x0)
    return all(Fraction(y[i] - y0) == b * (x[i] - x0) for i in range(len(x)))


def roles(cols):
    order = [("triad", "030T")] + [("triad", l) for l in TRIADS if l != "030T"] + [("signed", l) for l in SIGNED]
    out, independent = {}, []
    for key in order:
        col = cols[key[1]]
        if all(v == col[0] for v in col):
            out[key] = ("CONSTANT", None)
            continue
        by = next((r for r in independent if affine(cols[r[1]], col)), None)
        if by is None:
            independent.append(key)
            out[key] = ("INDEPENDENT", None)
        else:
            out[key] = ("DETERMINED", by[0] + "/" + by[1])
    return out


def row(col, connected):
    obs, s = col[0], np.array(col[1:], dtype=float)
    mean, psd = float(s.mean()), float(s.std())
    z = None if psd == 0 else (obs - mean) / psd
    if obs == 0 or mean == 0:
        ratio = low = high = None
    else:
        se = float(s.std(ddof=1)) / math.sqrt(len(s))
        q = norm.ppf(0.975)
        ratio = math.log2(obs / mean)
        low = math.log2(obs / (mean + q * se))
        high = math.log2(obs / (mean - q * se)) if mean - q * se > 0 else None
    conn = np.array(connected[1:], dtype=float)
    share = obs / connected[0]
    null_share = float(np.mean(s[conn > 0] / conn[conn > 0]))
    upper = 1 + int(np.sum(s >= obs))
    lower = 1 + int(np.sum(s <= obs))
    p = min(1.0, 2 * min(upper, lower) / (len(s) + 1))
    return {"mean": mean, "sd": psd, "z": z, "log2Ratio": ratio, "low": low, "high": high,
            "concentration": share, "nullConcentration": null_share, "p": p}


graphs = []
for base, spread in [(400, 30), (2500, 200)]:
    cols = graph_case(base, spread)
    connected = [sum(cols[l][i] for l in TRIADS if l not in DISCONNECTED) for i in range(N + 1)]
    rl = roles(cols)
    families = []
    for fam, labels in [("triad", TRIADS), ("signed", SIGNED)]:
        rows = {l: row(cols[l], connected) for l in labels}
        for l in labels:
            rows[l]["role"], rows[l]["determinedBy"] = rl[(fam, l)]
        prof = [l for l in labels if rows[l]["role"] == "INDEPENDENT" and rows[l]["z"] is not None
                and not (fam == "triad" and l in DISCONNECTED)]
        norm2 = math.sqrt(sum(rows[l]["z"] ** 2 for l in prof))
        for l in labels:
            rows[l]["sp"] = rows[l]["z"] / norm2 if l in prof and norm2 > 0 else None
        families.append({"family": fam, "labels": labels, "columns": [cols[l] for l in labels],
                         "expected": [rows[l] for l in labels]})
    graphs.append({"families": families})

# Benjamini-Hochberg over the independent rows of both graphs, in graph / family / label order
ps = [r["p"] for g in graphs for f in g["families"] for r in f["expected"] if r["role"] == "INDEPENDENT"]
m = len(ps)
qs = [min(1.0, min(m * pk / (k + 1) for k, pk in enumerate(sorted(ps)) if pk >= pi)) for pi in ps]
it = iter(qs)
for g in graphs:
    for f in g["families"]:
        for r in f["expected"]:
            r["q"] = next(it) if r["role"] == "INDEPENDENT" else None

out = "motifs/src/test/resources/stats/census-statistics-fixture.json"
with open(out, "w") as fh:
    json.dump({"samples": N, "graphs": graphs}, fh, indent=1)
print("wrote", out, "with", m, "independent rows")
