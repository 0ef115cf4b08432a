package org.circuitgrammar.motifs.census;

import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Exact induced 3-node census of a simple signed digraph: the 16 triad classes plus the attribute splits of
 * {@link ThreeNodeCounts} (FFL sign and position patterns, chains and fans by sign and position).
 *
 * <p><b>General path</b> ({@link GeneralThreeNodeCensus}; any simple digraph, with cycles and mutual edges, as the configuration null makes them):
 * wedges (two-edge paths in the underlying undirected graph) are counted per centre from in/out/mutual degrees,
 * split by the centre's view of its two edges; then every undirected triangle is enumerated once (neighbours
 * oriented by rising degree, marking array), classified from its 6-bit pattern, and its three closed wedges are
 * taken back out of the wedge classes. Single-edge classes (012, 102) come from
 * {@code Σ over pairs (n − d(u) − d(v) + t(uv))}, 003 from {@code C(n,3)} minus the rest.
 * Time {@code O(n log n + m·√m)}, memory {@code O(n + m)}.
 *
 * <p><b>DAG fast path</b> ({@link DagThreeNodeCensus}, taken when {@link SignedDigraph#isAcyclic()}): only 003, 012, 021D, 021U, 021C and 030T
 * occur. The FFLs are found by marking each node's out-neighbours and walking the two-paths from it
 * ({@code m + Σ in·out} checks), and the rest follows from degree sums:
 * {@code 021D = Σ C(out,2) − T}, {@code 021U = Σ C(in,2) − T}, {@code 021C = Σ in·out − T},
 * {@code 012 = m(n−2) − 2W + 3T} with {@code W} the sum of the three wedge sums, {@code 003 = C(n,3) − rest};
 * the attribute splits likewise (signed degree products minus the FFLs that close them).
 * Time {@code O(n + m + Σ in·out)}.
 *
 * <p>Both paths are exact and give identical results on DAGs (tested). Stateless and thread-safe; deterministic.
 */
public final class ThreeNodeCensus {
    private ThreeNodeCensus() {
    }

    /** Counts {@code g}, by the DAG fast path when {@code g} is acyclic, else by the general path. */
    public static ThreeNodeCounts count(SignedDigraph g) {
        return count(g, true);
    }

    /**
     * Counts {@code g}; with {@code positions == false} the attribute splits ignore context positions (every edge
     * counts as same-position), which the triad and signed families do not read and which lets dense DAGs take
     * the bitset FFL count ({@link DagThreeNodeCensus}). Such counts say so ({@link ThreeNodeCounts#positionsSplit()}).
     */
    public static ThreeNodeCounts count(SignedDigraph g, boolean positions) {
        int[] pos = positions ? g.rawPositions() : new int[g.nodeCount()];
        return g.isAcyclic() ? DagThreeNodeCensus.count(g, pos, positions, DagThreeNodeCensus.bitsetsPay(g, positions))
                : GeneralThreeNodeCensus.count(g, pos, positions);
    }

    /** Every CSR edge's attribute, in {@link SignedDigraph#rawOutTargets()} order; adds them up into {@code edges}. */
    static byte[] outAttributes(SignedDigraph g, int[] pos, long[] edges) {
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        double[] w = g.rawOutWeights();
        byte[] attr = new byte[adj.length];
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int i = off[s]; i < off[s + 1]; i++) {
                attr[i] = (byte) attribute(pos, s, adj[i], w[i]);
                edges[attr[i]]++;
            }
        }
        return attr;
    }

    /** The attribute code of the edge {@code s -> t} with weight {@code w}; see {@link ThreeNodeCounts}. */
    static int attribute(int[] position, int s, int t, double w) {
        return (w < 0 ? ThreeNodeCounts.NEGATIVE : 0)
                | (position[s] != position[t] ? ThreeNodeCounts.CROSS_POSITION : 0);
    }

    /** The bucket of an unordered pair of attributes: {@code lo | hi << 2}. */
    static int pairKey(int a, int b) {
        return Math.min(a, b) | Math.max(a, b) << 2;
    }

    static long choose2(long k) {
        return k * (k - 1) / 2;
    }

    static long choose3(long n) {
        return n < 3 ? 0 : n * (n - 1) / 2 * (n - 2) / 3;
    }

    /** Adds the non-induced wedges at one centre with in-attribute counts ci and out-attribute counts co. */
    static void addWedges(long[] ci, long[] co, long[] chain, long[] fanOut, long[] fanIn) {
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                chain[a | b << 2] += ci[a] * co[b];
            }
            fanOut[a | a << 2] += choose2(co[a]);
            fanIn[a | a << 2] += choose2(ci[a]);
            for (int b = a + 1; b < 4; b++) {
                fanOut[a | b << 2] += co[a] * co[b];
                fanIn[a | b << 2] += ci[a] * ci[b];
            }
        }
    }

    static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }
}
