#!/usr/bin/python3
"""The CLT-against-PLT table of docs/tracer.md, from `cgram trace --prompts` and `cgram census` outputs.

usage: trace_kind_table.py ROOT KIND...
  ROOT/KIND/trace-summary.csv   written by cgram trace --prompts (one row per prompt)
  ROOT/census-KIND/summary.csv  written by cgram census ROOT/KIND -o ROOT/census-KIND
Prints Markdown: graph sizes and scores per kind (mean and median over prompts, paired differences against the
first kind), then motif effect sizes per kind (mean Z, mean significance-profile entry, share of graphs with q < 0.05).
Standard library only.
"""
import csv
import statistics
import sys

MOTIFS = [("triad", "030T"),
          ("signed", "C1"), ("signed", "C2"), ("signed", "C3"), ("signed", "C4"), ("signed", "I1"), ("signed", "I2"),
          ("signed", "I3"), ("signed", "I4")]


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main(root, kinds):
    traces = {k: {r["slug"]: r for r in read(f"{root}/{k}/trace-summary.csv")} for k in kinds}
    slugs = sorted(set.intersection(*(set(t) for t in traces.values())))
    print(f"{len(slugs)} prompts traced with every kind.\n")
    print("| kind | replacement mean (median) | completeness mean (median) | active features | kept nodes | kept links |"
          " replacement − first kind: mean, prompts where higher |")
    print("|---|---|---|---|---|---|---|")
    first = kinds[0]
    for k in kinds:
        rows = [traces[k][s] for s in slugs]
        rep = [float(r["replacement_score"]) for r in rows]
        com = [float(r["completeness_score"]) for r in rows]
        act = [int(r["active_features"]) for r in rows]
        nodes = [int(r["nodes"]) for r in rows]
        links = [int(r["links"]) for r in rows]
        diff = [float(traces[k][s]["replacement_score"]) - float(traces[first][s]["replacement_score"]) for s in slugs]
        higher = sum(d > 0 for d in diff)
        print(f"| {k} | {statistics.mean(rep):.4f} ({statistics.median(rep):.4f}) | {statistics.mean(com):.4f}"
              f" ({statistics.median(com):.4f}) | {statistics.mean(act):.0f} | {statistics.mean(nodes):.0f} |"
              f" {statistics.mean(links):.0f} | {statistics.mean(diff):+.4f}, {higher}/{len(slugs)} |")
    print()
    print("| motif | " + " | ".join(f"{k}: mean Z / mean SP / q<0.05" for k in kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    census = {k: read(f"{root}/census-{k}/summary.csv") for k in kinds}
    for family, motif in MOTIFS:
        cells = []
        for k in kinds:
            rows = [r for r in census[k] if r["family"] == family and r["motif"] == motif and r["view"] == "full"
                    and r["z"] not in ("", "NaN")]
            z = [float(r["z"]) for r in rows]
            sp = [float(r["sp"]) for r in rows if r["sp"] not in ("", "NaN")]
            sig = sum(1 for r in rows if r["q"] not in ("", "NaN") and float(r["q"]) < 0.05)
            cells.append(f"{statistics.mean(z):+.1f} / {statistics.mean(sp):+.3f} / {sig}/{len(rows)}"
                         if z else "n/a")
        print(f"| {family} {motif} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
