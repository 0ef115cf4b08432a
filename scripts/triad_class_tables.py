#!/usr/bin/python3
"""Writes the triad class tables the Java TriadClass enum is checked against, from igraph and networkx.

Usage: /usr/bin/python3 scripts/triad_class_tables.py motifs/src/test/resources/census

triad-isoclasses.tsv: one row per igraph 3-node isoclass id: canonical igraph edge list, networkx triad_type
    of that pattern (standard MAN name), the Milo/mfinder id (9-bit adjacency code, a11 most significant, of
    the relabelling in mfinder's list), and the label circuit-motifs gives the id.
triad-codes.tsv: for each of the 64 adjacency patterns on nodes (0, 1, 2), the networkx triad_type. Pattern bit
    order: 0->1, 1->0, 0->2, 2->0, 1->2, 2->1 (bit 0 first).
"""
import itertools
import os
import sys

import igraph
import networkx as nx

MFINDER_IDS = {6, 12, 14, 36, 38, 46, 74, 78, 98, 102, 108, 110, 238}
# circuit-motifs' TRIAD_LABELS by igraph id, as documented in shared/spec/circuit-motifs.md section 2.2
REPO_LABELS = ["003", "012", "021U", "102", "021C", "111U", "021D", "030T",
               "120U", "111D", "201", "030C", "120C", "120D", "210", "300"]
PAIRS = [(0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1)]


def man_name(edges):
    g = nx.DiGraph()
    g.add_nodes_from(range(3))
    g.add_edges_from(edges)
    return nx.triad_type(g)


def milo_id(edges):
    for perm in itertools.permutations(range(3)):
        code = 0
        for s, t in edges:
            i, j = perm[s], perm[t]
            code |= 1 << (8 - (3 * i + j))
        if code in MFINDER_IDS:
            return code
    return -1


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "triad-isoclasses.tsv"), "w") as f:
        f.write("# made by scripts/triad_class_tables.py with python-igraph %s, networkx %s\n"
                % (igraph.__version__, nx.__version__))
        f.write("igraph_id\tedges\tman\tmilo_id\trepo_label\n")
        for iso in range(16):
            edges = igraph.Graph.Isoclass(3, iso, directed=True).get_edgelist()
            text = ",".join("%d>%d" % e for e in edges) or "-"
            f.write("%d\t%s\t%s\t%d\t%s\n" % (iso, text, man_name(edges), milo_id(edges), REPO_LABELS[iso]))
    with open(os.path.join(out_dir, "triad-codes.tsv"), "w") as f:
        f.write("# made by scripts/triad_class_tables.py with networkx %s; bit i = PAIRS[i] of "
                "0>1,1>0,0>2,2>0,1>2,2>1\n" % nx.__version__)
        f.write("code\tman\n")
        for code in range(64):
            edges = [PAIRS[b] for b in range(6) if code >> b & 1]
            f.write("%d\t%s\n" % (code, man_name(edges)))


if __name__ == "__main__":
    main(sys.argv[1])
