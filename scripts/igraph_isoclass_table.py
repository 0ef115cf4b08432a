#!/usr/bin/python3
"""Writes igraph's directed isoclass numbering for sizes 3 and 4 (python3-igraph, Debian).

Usage: /usr/bin/python3 scripts/igraph_isoclass_table.py motifs/src/main/resources/org/circuitgrammar/motifs/grammar
One file per size, igraph-isoclass-<k>.tsv: igraph id, then the edge list of Graph.Isoclass(k, id, directed=True)
as "s>t" pairs joined by commas (empty for the empty graph). The Java IsoclassTable maps each to our class id.
"""
import os
import sys

import igraph


def main(out_dir):
    for size, classes in ((3, 16), (4, 218)):
        path = os.path.join(out_dir, "igraph-isoclass-%d.tsv" % size)
        with open(path, "w") as f:
            f.write("# igraph %s Graph.Isoclass(%d, id, directed=True); made by scripts/igraph_isoclass_table.py\n"
                    % (igraph.__version__, size))
            for cid in range(classes):
                g = igraph.Graph.Isoclass(size, cid, directed=True)
                assert g.isoclass() == cid
                edges = ",".join("%d>%d" % e for e in sorted(g.get_edgelist()))
                f.write("%d\t%s\n" % (cid, edges))


if __name__ == "__main__":
    main(sys.argv[1])
