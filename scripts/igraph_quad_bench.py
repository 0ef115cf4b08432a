#!/usr/bin/python3
"""Times python-igraph's 4-node motif census on an edge list; run by `cgram bench quad --igraph`.

Usage: /usr/bin/python3 scripts/igraph_quad_bench.py EDGES.txt RUNS

EDGES.txt: first line the node count n, then one "source target" pair (0-based) per line.
Builds the directed graph once (not timed), then runs Graph.motifs_randesu(size=4) RUNS times, timing each with
time.perf_counter. Prints three lines: "igraph <version>", "seconds <best> <median>", and "counts" followed by the
218 counts by igraph isoclass id ("nan" for the 19 disconnected classes).
"""
import statistics
import sys
import time

import igraph


def main(path, runs):
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    g = igraph.Graph(n=n, edges=edges, directed=True)
    times = []
    counts = None
    for _ in range(runs):
        start = time.perf_counter()
        counts = g.motifs_randesu(size=4)
        times.append(time.perf_counter() - start)
    print("igraph", igraph.__version__)
    print("seconds", min(times), statistics.median(times))
    print("counts", " ".join("nan" if c != c else str(int(c)) for c in counts))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
