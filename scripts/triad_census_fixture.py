#!/usr/bin/python3
"""networkx triad census of the analysed view of every shared graph: the oracle for TriadCensusCorpusTest.

Usage: /usr/bin/python3 scripts/triad_census_fixture.py ../shared/corpus motifs/src/test/resources/census/triad-census-networkx.tsv

Loads each JSON file with its own loader (plain json module, not the Java reader), applying the analysed-view
rules of docs/motifs.md with default options:
  * node kind from feature_type: "embedding", "logit", anything containing "error" is an error node, else feature;
  * error nodes and every link touching them are dropped; embeddings, logits and isolated nodes are kept;
  * links with |weight| >= 0 are kept (all of them); self-loops are dropped; parallel links are merged
    (a networkx DiGraph keeps one edge per ordered pair).
Duplicate node ids (gemma-2-2b/plt/dollar.json) are attributed by the rules the corpus reader documents
(DuplicateIdResolver): layer (source below target), producer order (links sorted by (target, source) index stay
sorted), then k-th occurrence of the same id pair to the k-th remaining candidate. This is a separate
implementation of those rules written from their description.
Then networkx.triadic_census on the DiGraph. Output: one row per file, path relative to the corpus folder,
analysed node and edge counts, and the 16 counts in networkx order.
"""
import json
import os
import sys

import networkx as nx


def kind_of(feature_type):
    t = feature_type.lower()
    if t == "embedding":
        return "embedding"
    if t == "logit":
        return "logit"
    return "error" if "error" in t else "feature"


def layer_of(value):
    if isinstance(value, str):
        return -1 if value.strip().upper() == "E" else int(value)
    return int(value)


def resolve(nodes, links):
    """Returns (source index, target index) per link, attributing duplicated ids."""
    by_id = {}
    for i, n in enumerate(nodes):
        by_id.setdefault(n["node_id"], []).append(i)
    layers = [layer_of(n["layer"]) for n in nodes]
    pairs = [None] * len(links)
    ambiguous = []
    for k, link in enumerate(links):
        s, t = by_id[link["source"]], by_id[link["target"]]
        if len(s) == 1 and len(t) == 1:
            pairs[k] = (s[0], t[0])
        else:
            ambiguous.append(k)
    if not ambiguous:
        return pairs
    known = [p for p in pairs if p is not None]
    ordered = all((a[1], a[0]) <= (b[1], b[0]) for a, b in zip(known, known[1:]))
    seen = {}
    for k in ambiguous:
        link = links[k]
        candidates = [(s, t) for s in by_id[link["source"]] for t in by_id[link["target"]]]
        by_layer = [c for c in candidates if layers[c[0]] < layers[c[1]]]
        if by_layer:
            candidates = by_layer
        if ordered:
            before = next((pairs[j] for j in range(k - 1, -1, -1) if pairs[j] is not None), None)
            after = next((pairs[j] for j in range(k + 1, len(pairs)) if pairs[j] is not None), None)
            kept = [c for c in candidates
                    if (before is None or (before[1], before[0]) <= (c[1], c[0]))
                    and (after is None or (c[1], c[0]) <= (after[1], after[0]))]
            if kept:
                candidates = kept
        key = (link["source"], link["target"])
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        pairs[k] = candidates[min(occurrence, len(candidates) - 1)]
    return pairs


def analysed_view(path):
    with open(path) as f:
        data = json.load(f)
    nodes = data["nodes"]
    links = data["links"]
    kinds = [kind_of(n["feature_type"]) for n in nodes]
    g = nx.DiGraph()
    g.add_nodes_from(i for i in range(len(nodes)) if kinds[i] != "error")
    for (s, t), link in zip(resolve(nodes, links), links):
        if kinds[s] == "error" or kinds[t] == "error" or s == t:
            continue
        if abs(link.get("weight", 0.0)) >= 0.0 and not g.has_edge(s, t):
            g.add_edge(s, t)
    return g


def main(corpus, out):
    rows = []
    for root, _, files in os.walk(corpus):
        for name in files:
            if name.endswith(".json"):
                path = os.path.join(root, name)
                g = analysed_view(path)
                census = nx.triadic_census(g)
                rows.append([os.path.relpath(path, corpus), str(g.number_of_nodes()), str(g.number_of_edges())]
                            + [str(census[c]) for c in nx.algorithms.triads.TRIAD_NAMES])
                print(rows[-1][0], rows[-1][1], rows[-1][2], file=sys.stderr)
    rows.sort()
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write("# made by scripts/triad_census_fixture.py with networkx %s from shared/corpus\n" % nx.__version__)
        f.write("\t".join(["file", "nodes", "edges"] + list(nx.algorithms.triads.TRIAD_NAMES)) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
