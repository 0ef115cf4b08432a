#!/usr/bin/python3
"""Fixture for QuadCensusTest: igraph motifs_randesu(size=4) on the analysed view of shared graphs.

Usage (from the repository root, ../shared beside it):
  /usr/bin/python3 scripts/quad_census_fixture.py ../shared/corpus motifs/src/test/resources/quad

Own loader mirroring the analysed view with default options: error nodes (feature_type containing "error":
"mlp reconstruction error", "lorsa error") and their links dropped, every other node kept in file order,
self-loops dropped, of parallel links the first kept, no weight threshold. Files with duplicate node ids are
refused (the analysed view's rule for them lives in the Java reader). One file per graph, <name>.tsv:
  n <nodes>
  e <source> <target>          (analysed node indices, one line per kept edge)
  c <igraph isoclass id> <count>   (connected classes only; igraph reports NaN for the others)
"""
import json
import os
import sys

import igraph

GRAPHS = [
    "claude-3.5-haiku/clt/capital-state-dallas.json",
    "gemma-2-2b/clt/meow-clt.json",
    "gemma-2-2b/clt/bee-insect-clt.json",
    "gemma-2-2b/clt/nobelcomesfromth-1761108237891_2025-10-22t04-46-53-163z.json",
    "gemma-2-2b/clt/thelargestplanet-1763017024609_2025-11-13t06-58-01-950z.json",
    "gemma-2-2b/plt/dallas-austin-llamma.json",
    "gemma-2-2b/plt/dallas-austin.a305540.json",
    "gemma-2-2b/plt/dallas_ea.json",
    "gemma-2-2b/plt/war_ea.json",
    "gemma-2-2b/unknown/dallas-austin.467da5e.json",
    "gemma-2-2b/unknown/dallas-austin.906fa79.json",
    "lc0-bt4/plt-lorsa/bt4_win_or_go_home_k.json",
    "llama-3.2-1b/clt/dallas-austin.03c838e.json",
]


def analysed_edges(path):
    with open(path) as f:
        d = json.load(f)
    index = {}
    ids = [nd["node_id"] for nd in d["nodes"]]
    if len(set(ids)) != len(ids):
        raise SystemExit("%s: duplicate node ids" % path)
    for nd in d["nodes"]:
        if "error" not in (nd.get("feature_type") or ""):
            index[nd["node_id"]] = len(index)
    seen = set()
    edges = []
    for link in d["links"]:
        s = index.get(link["source"])
        t = index.get(link["target"])
        if s is None or t is None or s == t or (s, t) in seen:
            continue
        seen.add((s, t))
        edges.append((s, t))
    return len(index), edges


def main(corpus, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for rel in GRAPHS:
        n, edges = analysed_edges(os.path.join(corpus, rel))
        counts = igraph.Graph(n=n, edges=edges, directed=True).motifs_randesu(size=4)
        name = os.path.basename(rel)[:-len(".json")]
        with open(os.path.join(out_dir, name + ".tsv"), "w") as f:
            f.write("# %s: igraph %s motifs_randesu(size=4); made by scripts/quad_census_fixture.py\n"
                    % (rel, igraph.__version__))
            f.write("n %d\n" % n)
            for s, t in edges:
                f.write("e %d %d\n" % (s, t))
            for cid, c in enumerate(counts):
                if c == c:  # NaN marks the disconnected classes
                    f.write("c %d %d\n" % (cid, int(c)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
