#!/usr/bin/python3
"""How much of the feed-forward-loop excess each null constraint explains, over a corpus (docs/nulls.md).

Runs `cgram census CORPUS --null all --motifs triad` (resumable: a rerun reuses finished graphs), then reads every
OUT/*.census.json and prints two Markdown tables grouped by model and transcoder (the first two folders under
CORPUS, as in shared/corpus):
  1. per null, the median over graphs of the FFL (030T) effect size log2(observed / null mean) and of its Z;
  2. the median share of the `er` effect that each added constraint removes: layers (er -> lp-er), each node's
     degrees per layer pair (lp-er -> lpc), the same/cross-position split (lpc -> lpc-position); and what `config`
     (degrees without layers) removes from `er` for comparison.
Graphs whose census was refused (degenerate) or whose FFL count or null mean is 0 are left out of the effect sizes.

Run from the repository root:
    /usr/bin/python3 scripts/null_corpus_table.py [--cgram bin/cgram] [--corpus ../shared/corpus] [-n 1000]
        [--seed 1] [--out out/null-corpus]
"""
import argparse
import collections
import glob
import json
import math
import os
import statistics
import subprocess
import sys

NULLS = ["er", "config", "lp-er", "lpc", "lpc-shuffle", "lpc-sign", "lpc-position"]
STEPS = [("layers", "er", "lp-er"), ("degrees per layer pair", "lp-er", "lpc"),
         ("same/cross position", "lpc", "lpc-position"), ("(config: degrees, no layers)", "er", "config")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cgram", default="bin/cgram")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="out/null-corpus")
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()
    cmd = [args.cgram, "census", args.corpus, "--null", "all", "--motifs", "triad", "-n", str(args.n),
           "--seed", str(args.seed), "-o", args.out]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    print("running: " + " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, stdout=sys.stderr)
    if done.returncode not in (0, 2):           # 2: some graphs refused, the rest are done
        sys.exit(done.returncode)

    corpus = os.path.abspath(args.corpus)
    effect = collections.defaultdict(lambda: collections.defaultdict(list))   # group -> null -> [log2 ratio]
    zs = collections.defaultdict(lambda: collections.defaultdict(list))
    per_graph = collections.defaultdict(dict)                                  # (group, file) -> null -> effect
    graphs = collections.Counter()
    for path in sorted(glob.glob(os.path.join(args.out, "*.census.json"))):
        with open(path) as f:
            result = json.load(f)
        rel = os.path.relpath(os.path.abspath(result["graph"]["path"]), corpus).split(os.sep)
        group = "/".join(rel[:2]) if len(rel) > 2 else rel[0]
        graphs[group] += 1
        for section in result["nulls"]:
            for family in section["families"]:
                if family["family"] != "triad":
                    continue
                row = next(r for r in family["classes"] if r["label"] == "030T")
                if row["observed"] > 0 and row["nullMean"]:
                    e = math.log2(row["observed"] / row["nullMean"])
                    effect[group][section["nullModel"]].append(e)
                    per_graph[(group, path)][section["nullModel"]] = e
                if row["z"] is not None:
                    zs[group][section["nullModel"]].append(row["z"])

    def med(values):
        return "%.2f" % statistics.median(values) if values else "-"

    print("| model / transcoder | graphs | " + " | ".join(NULLS) + " |")
    print("|---|---:|" + "---|" * len(NULLS))
    for group in sorted(graphs):
        cells = ["%s / %s" % (med(effect[group][n]), med(zs[group][n])) for n in NULLS]
        print("| %s | %d | %s |" % (group, graphs[group], " | ".join(cells)))
    print()
    print("Cells: median log2(observed FFL / null mean) / median Z of the FFL count.")
    print()
    print("| model / transcoder | " + " | ".join(s[0] for s in STEPS) + " | left under lpc-position |")
    print("|---|" + "---:|" * (len(STEPS) + 1))
    for group in sorted(graphs):
        shares = collections.defaultdict(list)
        for (g, _), by_null in per_graph.items():
            if g != group or not by_null.get("er"):
                continue
            for name, before, after in STEPS:
                if before in by_null and after in by_null:
                    shares[name].append((by_null[before] - by_null[after]) / by_null["er"])
            if "lpc-position" in by_null:
                shares["left"].append(by_null["lpc-position"] / by_null["er"])
        cells = ["%.0f%%" % (100 * statistics.median(shares[s[0]])) if shares[s[0]] else "-" for s in STEPS]
        left = "%.0f%%" % (100 * statistics.median(shares["left"])) if shares["left"] else "-"
        print("| %s | %s | %s |" % (group, " | ".join(cells), left))
    print()
    print("Cells: median over graphs of (effect before - effect after) / effect under er.")


if __name__ == "__main__":
    main()
