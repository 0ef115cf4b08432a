#!/usr/bin/python3
"""Oracle for the reports module's comparison statistics (reports/.../stats).

Writes reports/src/test/resources/org/circuitgrammar/reports/stats/scipy-fixtures.json: seeded inputs and what
Debian's scipy/numpy compute for them -- Mann-Whitney U (method named explicitly by the rule the Java code uses:
exact iff no ties and min(n1, n2) <= 8), Kruskal-Wallis H and p, Cliff's delta by counting pairs, cosine similarity
(1 - scipy.spatial.distance.cosine) and average-linkage merges (scipy.cluster.hierarchy.linkage, method="average").

Run: /usr/bin/python3 scripts/compare_stats_fixture.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import cosine, pdist, squareform
from scipy.stats import kruskal, mannwhitneyu

OUT = pathlib.Path(__file__).resolve().parent.parent / \
    "reports/src/test/resources/org/circuitgrammar/reports/stats/scipy-fixtures.json"
rng = np.random.default_rng(20261207)


def sample(n, kind):
    if kind == "continuous":
        return [float(v) for v in rng.normal(0, 1, n)]
    if kind == "ties":  # coarse values, many ties, as effect sizes rounded or counts equal
        return [float(v) for v in rng.integers(-3, 4, n) / 4.0]
    raise ValueError(kind)


def cliffs_delta(x, y):
    more = sum(1 for a in x for b in y if a > b)
    less = sum(1 for a in x for b in y if a < b)
    return (more - less) / (len(x) * len(y))


mann_whitney = []
for n1, n2, kind, shift in [(3, 4, "continuous", 0.0), (5, 8, "continuous", 1.0), (8, 20, "continuous", 0.5),
                            (2, 2, "continuous", 0.0), (6, 6, "ties", 0.5), (12, 15, "continuous", 0.8),
                            (30, 21, "ties", 0.25), (9, 9, "continuous", 0.0), (1, 10, "continuous", 2.0),
                            (40, 35, "continuous", -0.3)]:
    x = [v + shift for v in sample(n1, kind)]
    y = sample(n2, kind)
    ties = len(set(x + y)) < n1 + n2
    method = "exact" if (not ties and min(n1, n2) <= 8) else "asymptotic"
    r = mannwhitneyu(x, y, alternative="two-sided", method=method)
    mann_whitney.append({"x": x, "y": y, "method": method, "u1": float(r.statistic), "p": float(r.pvalue),
                         "cliffsDelta": cliffs_delta(x, y)})

kruskal_wallis = []
for sizes, kind in [((5, 6, 7), "continuous"), ((10, 3, 8, 12), "ties"), ((4, 4), "continuous"),
                    ((20, 25, 18), "continuous"), ((3, 3, 3, 3, 3), "ties")]:
    groups = [[v + 0.3 * g for v in sample(n, kind)] for g, n in enumerate(sizes)]
    r = kruskal(*groups)
    kruskal_wallis.append({"groups": groups, "h": float(r.statistic), "p": float(r.pvalue)})

cosines = []
for dim in (2, 5, 13):
    a = [float(v) for v in rng.normal(0, 1, dim)]
    b = [float(v) for v in rng.normal(0, 1, dim)]
    cosines.append({"a": a, "b": b, "cosine": float(1 - cosine(a, b))})

linkages = []
for n, dim in ((4, 3), (9, 5), (25, 6)):
    points = rng.normal(0, 1, (n, dim))
    condensed = pdist(points, metric="cosine")  # 1 - cosine, as the report clusters profiles
    z = linkage(condensed, method="average")
    linkages.append({"distance": squareform(condensed).tolist(),
                     "merges": [[int(r[0]), int(r[1]), float(r[2]), int(r[3])] for r in z]})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "mannWhitney": mann_whitney,
                           "kruskalWallis": kruskal_wallis, "cosine": cosines, "averageLinkage": linkages},
                          indent=1) + "\n")
print("wrote", OUT)
