#!/usr/bin/python3
"""Times python-igraph's 3- or 4-node motif census on an edge list; run by `cgram bench census` and `cgram bench quad`.

Usage: /usr/bin/python3 scripts/igraph_census_bench.py EDGES.txt RUNS [SIZE]

EDGES.txt: first line the node count n, then one "source target" pair (0-based) per line.
Builds the directed graph once (not timed), then runs Graph.motifs_randesu(size=SIZE) (default 3) RUNS times, timing each with
time.perf_counter (wall) and time.process_time (CPU). Prints four lines: "igraph <version>",
"seconds <best> <median>" (wall), "cpu <best> <median>", and "counts" followed by the 16 (size 3) or 218 (size 4)
counts by igraph isoclass id ("nan" for the disconnected classes, which igraph does not count).
"""
import statistics
import sys
import time

import igraph


def main(path, runs, size):
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    g = igraph.Graph(n=n, edges=edges, directed=True)
    times = []
    cpu = []
    counts = None
    for _ in range(runs):
        start = time.perf_counter()
        start_cpu = time.process_time()
        counts = g.motifs_randesu(size=size)
        cpu.append(time.process_time() - start_cpu)
        times.append(time.perf_counter() - start)
    print("igraph", igraph.__version__)
    print("seconds", min(times), statistics.median(times))
    print("cpu", min(cpu), statistics.median(cpu))
    print("counts", " ".join("nan" if c != c else str(int(c)) for c in counts))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 3)
