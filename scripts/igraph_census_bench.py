#!/usr/bin/python3
"""Times python-igraph's 3-node motif census on an edge list; run by `cgram bench census`.

Usage: /usr/bin/python3 scripts/igraph_census_bench.py EDGES.txt RUNS

EDGES.txt: first line the node count n, then one "source target" pair (0-based) per line.
Builds the directed graph once (not timed), then runs Graph.motifs_randesu(size=3) RUNS times, timing each with
time.perf_counter. Prints three lines: "igraph <version>", "seconds <best> <median>", and "counts" followed by the
16 counts by igraph isoclass id ("nan" for the disconnected classes 0, 1, 3, which igraph does not count).
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
        counts = g.motifs_randesu(size=3)
        times.append(time.perf_counter() - start)
    print("igraph", igraph.__version__)
    print("seconds", min(times), statistics.median(times))
    print("counts", " ".join("nan" if c != c else str(int(c)) for c in counts))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
