#!/usr/bin/python3
"""Independent reference values for motifs.stats (standard library only).

Writes motifs/src/test/resources/stats/stats-fixture.json:
  ensembles: observed count, null counts, population mean/sd (statistics.pstdev), Z (None if sd == 0),
             two-sided empirical p = min(1, 2 * min(1 + #{x >= obs}, 1 + #{x <= obs}) / (n + 1))
  bh:        p-values (with ties, zeros and ones) and Benjamini-Hochberg q computed from the definition
             q_i = min(1, min over k with p_(k) >= p_i of m * p_(k) / k)   (O(m^2), no running minimum)
Run from the repository root:  /usr/bin/python3 scripts/stats_fixture.py
"""
import json
import random
import statistics

rng = random.Random(20261124)


def ensemble_case(observed, nulls):
    mean = statistics.fmean(nulls)
    sd = statistics.pstdev(nulls)
    z = None if sd == 0 else (observed - mean) / sd
    n = len(nulls)
    upper = 1 + sum(1 for x in nulls if x >= observed)
    lower = 1 + sum(1 for x in nulls if x <= observed)
    p = min(1.0, 2 * min(upper, lower) / (n + 1))
    return {"observed": observed, "nulls": nulls, "mean": mean, "sd": sd, "z": z, "p": p}


ensembles = []
for case in range(40):
    n = rng.choice([1, 2, 5, 30, 200])
    centre = rng.choice([0, 3, 50, 10_000, 3_000_000])
    spread = rng.choice([0, 1, 4, 100])
    nulls = [max(0, centre + round(rng.gauss(0, spread) + rng.expovariate(1 / (spread + 1)))) for _ in range(n)]
    observed = max(0, centre + rng.randint(-3 * spread - 2, 3 * spread + 2))
    ensembles.append(ensemble_case(observed, nulls))


def bh(p):
    m = len(p)
    ranked = sorted(p)
    q = []
    for pi in p:
        q.append(min(1.0, min(m * ranked[k] / (k + 1) for k in range(m) if ranked[k] >= pi)))
    return q


bh_cases = []
for case in range(12):
    m = rng.choice([1, 2, 7, 50, 300])
    p = [rng.choice([round(rng.random(), 2), rng.random() ** 3, 0.0, 1.0, 2 / 1001]) for _ in range(m)]
    bh_cases.append({"p": p, "q": bh(p)})

with open("motifs/src/test/resources/stats/stats-fixture.json", "w") as f:
    json.dump({"ensembles": ensembles, "bh": bh_cases}, f, indent=1)
    f.write("\n")
