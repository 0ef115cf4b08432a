package org.circuitgrammar.motifs.census;

import java.util.Arrays;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The DAG fast path of {@link ThreeNodeCensus}: FFLs by marking (or, for the sign split of a dense graph, by bitset
 * intersections), everything else from (attribute) degree sums. Only 003, 012, 021D, 021U, 021C and 030T occur in a
 * DAG. Time {@code O(n + m + min(Σ in·out, m·n/64))}, memory {@code O(n + m)} (bitsets {@code O(n²/32)} bytes).
 */
final class DagThreeNodeCensus {
    /** Largest graph whose FFLs are counted by bitsets: 2·4096·64 longs = 4 MiB of rows. */
    static final int BITSET_NODE_LIMIT = 4096;

    private DagThreeNodeCensus() {
    }

    /** Counts {@code g} with positions split, by marking; the caller guarantees it is acyclic. */
    static ThreeNodeCounts count(SignedDigraph g) {
        return count(g, g.rawPositions(), true, false);
    }

    /**
     * Whether the bitset FFL count is cheaper than marking. It needs the sign split only. Marking walks every
     * two-path ({@code Σ in·out} steps); bitsets intersect, per edge X→Y, the words between the first and the last
     * target of both X and Y (four popcounts a word). Measured warm (the CLT and PLT graphs of the shared corpus,
     * Dallas, the Qwen-shaped graph), a word costs about twice a marking step (3.7 against 1.7 ns), so bitsets are
     * taken when twice the words, plus four steps per word of the rows they allocate, are fewer than the steps (on the
     * sparse chess graph, 427 edges, the rows alone made bitsets 2.7× slower). Counting the words is one pass over the
     * edges.
     */
    static boolean bitsetsPay(SignedDigraph g, boolean positions) {
        int n = g.nodeCount();
        if (positions || n > BITSET_NODE_LIMIT) {
            return false;
        }
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        long twoPaths = 0;
        long words = 0;
        for (int x = 0; x < n; x++) {
            twoPaths += (long) g.inDegree(x) * g.outDegree(x);
            if (off[x + 1] - off[x] < 2) {
                continue;
            }
            int xFirst = adj[off[x]] >>> 6;
            int xLast = adj[off[x + 1] - 1] >>> 6;
            for (int i = off[x]; i < off[x + 1]; i++) {
                int y = adj[i];
                if (off[y + 1] > off[y]) {
                    words += Math.max(0, Math.min(xLast, adj[off[y + 1] - 1] >>> 6)
                            - Math.max(xFirst, adj[off[y]] >>> 6) + 1);
                }
            }
        }
        return 2 * words + 4L * n * words(n) < twoPaths;
    }

    /**
     * Counts {@code g} (acyclic) with node positions {@code pos} (all equal when {@code positions} is false); FFLs by
     * bitsets if {@code bitsets} (which needs {@code positions} false), else by marking.
     */
    static ThreeNodeCounts count(SignedDigraph g, int[] pos, boolean positions, boolean bitsets) {
        if (bitsets && positions) {
            throw new IllegalArgumentException("the bitset FFL count splits signs only");
        }
        int n = g.nodeCount();
        int m = g.edgeCount();
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        long[] edges = new long[4];
        byte[] attr = ThreeNodeCensus.outAttributes(g, pos, edges);
        long[] ffl = bitsets ? fflBySignBitsets(n, off, adj, attr) : fflByMarking(n, off, adj, attr, !positions);
        long[] chain = new long[16];
        long[] fanOut = new long[16];
        long[] fanIn = new long[16];
        long wedges = addWedges(g, pos, attr, chain, fanOut, fanIn);
        // every FFL closes one chain (X→Y→Z), one fan-out (at X) and one fan-in (at Z)
        long t = 0;
        for (int k = 0; k < 64; k++) {
            if (ffl[k] == 0) {
                continue;
            }
            int xy = k & 3;
            int yz = k >> 2 & 3;
            int xz = k >> 4;
            t += ffl[k];
            chain[xy | yz << 2] -= ffl[k];
            fanOut[ThreeNodeCensus.pairKey(xy, xz)] -= ffl[k];
            fanIn[ThreeNodeCensus.pairKey(xz, yz)] -= ffl[k];
        }
        long[] triads = new long[16];
        triads[TriadClass.T030T.ordinal()] = t;
        triads[TriadClass.T021C.ordinal()] = ThreeNodeCensus.sum(chain);
        triads[TriadClass.T021D.ordinal()] = ThreeNodeCensus.sum(fanOut);
        triads[TriadClass.T021U.ordinal()] = ThreeNodeCensus.sum(fanIn);
        triads[TriadClass.T012.ordinal()] = (long) m * (n - 2) - 2 * wedges + 3 * t;
        triads[TriadClass.T003.ordinal()] = ThreeNodeCensus.choose3(n) - ThreeNodeCensus.sum(triads);
        return new ThreeNodeCounts(triads, ffl, chain, fanOut, fanIn, edges, positions);
    }

    /**
     * Adds every node's non-induced wedges by attribute (from its in- and out-attribute degrees) to the three
     * splits; returns the number of wedges of all kinds. Kept apart from {@link #count} so the JIT compiles small
     * loops rather than one large method.
     */
    private static long addWedges(SignedDigraph g, int[] pos, byte[] attr, long[] chain, long[] fanOut,
                                  long[] fanIn) {
        int n = g.nodeCount();
        int[] off = g.rawOutOffsets();
        int[] inOff = g.rawInOffsets();
        int[] inSrc = g.rawInSources();
        double[] inW = g.rawInWeights();
        long wedges = 0;
        long[] ci = new long[4];
        long[] co = new long[4];
        for (int v = 0; v < n; v++) {
            Arrays.fill(ci, 0);
            Arrays.fill(co, 0);
            for (int i = inOff[v]; i < inOff[v + 1]; i++) {
                ci[ThreeNodeCensus.attribute(pos, inSrc[i], v, inW[i])]++;
            }
            for (int i = off[v]; i < off[v + 1]; i++) {
                co[attr[i]]++;
            }
            ThreeNodeCensus.addWedges(ci, co, chain, fanOut, fanIn);
            long in = g.inDegree(v);
            long out = g.outDegree(v);
            wedges += ThreeNodeCensus.choose2(in) + ThreeNodeCensus.choose2(out) + in * out;
        }
        return wedges;
    }

    private static int words(int n) {
        return (n + 63) >>> 6;
    }

    /**
     * FFL histogram by sign (attributes 0 or 1, no position bit): every node's out-neighbours as two bit rows, +
     * and −; an edge X→Y closes an FFL with each Z in out(X) ∩ out(Y), so the four popcounts of (X's row of one
     * sign) ∧ (Y's row of one sign) give its FFLs by the signs of X→Z and Y→Z. On a DAG no other edge can join the
     * three. Rows are sorted (targets ascending), so only the words between the first and the last target of both
     * X and Y are read: in a layered graph numbered by layer that is the span of the later layers.
     * {@code O(n·n/64 + m·4·n/64)}.
     */
    private static long[] fflBySignBitsets(int n, int[] off, int[] adj, byte[] attr) {
        int words = words(n);
        long[] plus = new long[n * words];
        long[] minus = new long[n * words];
        for (int s = 0; s < n; s++) {
            for (int i = off[s]; i < off[s + 1]; i++) {
                int t = adj[i];
                long[] row = (attr[i] & ThreeNodeCounts.NEGATIVE) != 0 ? minus : plus;
                row[s * words + (t >>> 6)] |= 1L << t;
            }
        }
        long[] ffl = new long[64];
        for (int x = 0; x < n; x++) {
            if (off[x + 1] - off[x] < 2) {
                continue;
            }
            int xRow = x * words;
            int xFirst = adj[off[x]] >>> 6;
            int xLast = adj[off[x + 1] - 1] >>> 6;
            for (int i = off[x]; i < off[x + 1]; i++) {
                int y = adj[i];
                if (off[y + 1] == off[y]) {
                    continue;
                }
                int yRow = y * words;
                int from = Math.max(xFirst, adj[off[y]] >>> 6);
                int to = Math.min(xLast, adj[off[y + 1] - 1] >>> 6);
                long pp = 0;        // signs of (X→Z, Y→Z)
                long pm = 0;
                long mp = 0;
                long mm = 0;
                for (int k = from; k <= to; k++) {
                    long xp = plus[xRow + k];
                    long xm = minus[xRow + k];
                    long yp = plus[yRow + k];
                    long ym = minus[yRow + k];
                    pp += Long.bitCount(xp & yp);
                    pm += Long.bitCount(xp & ym);
                    mp += Long.bitCount(xm & yp);
                    mm += Long.bitCount(xm & ym);
                }
                int xy = attr[i];
                int neg = ThreeNodeCounts.NEGATIVE;
                ffl[xy] += pp;                          // index a(X→Y) | a(Y→Z) << 2 | a(X→Z) << 4
                ffl[xy | neg << 2] += pm;
                ffl[xy | neg << 4] += mp;
                ffl[xy | neg << 2 | neg << 4] += mm;
            }
        }
        return ffl;
    }

    /**
     * FFL histogram by (a(X→Y), a(Y→Z), a(X→Z)). For each X, mark its out-neighbours with X and the attribute of
     * X→Z; every two-path X→Y→Z that lands on a mark is an FFL. On a DAG no other edge can join the three. The
     * inner loop is branch-free (a hit adds 1, a miss 0): on dense graphs half the checks hit and a branch would
     * mispredict. With sign-only attributes ({@code signsOnly}) it adds into four registers instead of a histogram
     * in memory, whose read-modify-write of one bucket after another serialises the loop.
     */
    private static long[] fflByMarking(int n, int[] off, int[] adj, byte[] attr, boolean signsOnly) {
        if (n >= 1 << 29) {     // a mark packs the node id and a 2-bit attribute into one int
            throw new IllegalArgumentException("too many nodes for the DAG census: " + n);
        }
        long[] ffl = new long[64];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int x = 0; x < n; x++) {
            int from = off[x];
            int to = off[x + 1];
            if (to - from < 2) {
                continue;
            }
            for (int i = from; i < to; i++) {
                mark[adj[i]] = x << 2 | attr[i];
            }
            for (int i = from; i < to; i++) {
                int y = adj[i];
                int xy = attr[i];
                if (signsOnly) {
                    closeBySign(ffl, xy, x, off[y], off[y + 1], adj, attr, mark);
                } else {
                    for (int j = off[y], end = off[y + 1]; j < end; j++) {
                        int marked = mark[adj[j]];
                        ffl[xy | attr[j] << 2 | (marked & 3) << 4] += (marked >> 2) == x ? 1 : 0;
                    }
                }
            }
        }
        return ffl;
    }

    /**
     * The FFLs closed by the two-paths X→Y→Z over Y's out-edges {@code [from, to)}, by the signs of Y→Z and X→Z:
     * with h the hit, a the sign bit of Y→Z and b that of X→Z, the sums of h, h·a, h·b and h·a·b give the four
     * counts by inclusion–exclusion.
     */
    private static void closeBySign(long[] ffl, int xy, int x, int from, int to, int[] adj, byte[] attr, int[] mark) {
        long hits = 0;
        long yzNegative = 0;
        long xzNegative = 0;
        long bothNegative = 0;
        for (int j = from; j < to; j++) {
            int marked = mark[adj[j]];
            int h = (marked >> 2) == x ? 1 : 0;
            int a = attr[j] & h;
            int b = marked & h;
            hits += h;
            yzNegative += a;
            xzNegative += b;
            bothNegative += a & b;
        }
        int neg = ThreeNodeCounts.NEGATIVE;
        ffl[xy] += hits - yzNegative - xzNegative + bothNegative;     // index a(X→Y) | a(Y→Z) << 2 | a(X→Z) << 4
        ffl[xy | neg << 2] += yzNegative - bothNegative;
        ffl[xy | neg << 4] += xzNegative - bothNegative;
        ffl[xy | neg << 2 | neg << 4] += bothNegative;
    }
}
