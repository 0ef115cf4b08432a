package org.circuitgrammar.motifs.census;

import java.util.Arrays;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Exact induced 3-node census of a simple signed digraph: the 16 triad classes plus the attribute splits of
 * {@link ThreeNodeCounts} (FFL sign and position patterns, chains and fans by sign and position).
 *
 * <p><b>General path</b> (any simple digraph, with cycles and mutual edges, as the configuration null makes them):
 * wedges (two-edge paths in the underlying undirected graph) are counted per centre from in/out/mutual degrees,
 * split by the centre's view of its two edges; then every undirected triangle is enumerated once (neighbours
 * oriented by rising degree, marking array), classified from its 6-bit pattern, and its three closed wedges are
 * taken back out of the wedge classes. Single-edge classes (012, 102) come from
 * {@code Σ over pairs (n − d(u) − d(v) + t(uv))}, 003 from {@code C(n,3)} minus the rest.
 * Time {@code O(n log n + m·√m)}, memory {@code O(n + m)}.
 *
 * <p><b>DAG fast path</b> (taken when {@link SignedDigraph#isAcyclic()}): only 003, 012, 021D, 021U, 021C and 030T
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
    private static final int DIR_OUT = 1;
    private static final int DIR_IN = 2;
    private static final int DIR_MUTUAL = 3;

    private ThreeNodeCensus() {
    }

    /** Counts {@code g}, by the DAG fast path when {@code g} is acyclic, else by the general path. */
    public static ThreeNodeCounts count(SignedDigraph g) {
        return g.isAcyclic() ? countDag(g) : countGeneral(g);
    }

    /** The attribute code of the edge {@code s -> t} with weight {@code w}; see {@link ThreeNodeCounts}. */
    static int attribute(int[] position, int s, int t, double w) {
        return (w < 0 ? ThreeNodeCounts.NEGATIVE : 0)
                | (position[s] != position[t] ? ThreeNodeCounts.CROSS_POSITION : 0);
    }

    private static int pairKey(int a, int b) {
        return Math.min(a, b) | Math.max(a, b) << 2;
    }

    private static long choose2(long k) {
        return k * (k - 1) / 2;
    }

    private static long choose3(long n) {
        return n < 3 ? 0 : n * (n - 1) / 2 * (n - 2) / 3;
    }

    /** The DAG fast path; the caller guarantees {@code g} is acyclic. Package-private for the tests. */
    static ThreeNodeCounts countDag(SignedDigraph g) {
        int n = g.nodeCount();
        int m = g.edgeCount();
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        double[] w = g.rawOutWeights();
        int[] pos = g.rawPositions();
        byte[] attr = new byte[m];
        long[] edges = new long[4];
        for (int s = 0; s < n; s++) {
            for (int i = off[s]; i < off[s + 1]; i++) {
                attr[i] = (byte) attribute(pos, s, adj[i], w[i]);
                edges[attr[i]]++;
            }
        }
        long[] ffl = fflByMarking(n, off, adj, attr);

        // non-induced wedge counts by attribute, from per-node attribute degrees
        int[] inOff = g.rawInOffsets();
        int[] inSrc = g.rawInSources();
        double[] inW = g.rawInWeights();
        long[] chain = new long[16];
        long[] fanOut = new long[16];
        long[] fanIn = new long[16];
        long wedges = 0;
        long[] ci = new long[4];
        long[] co = new long[4];
        for (int v = 0; v < n; v++) {
            Arrays.fill(ci, 0);
            Arrays.fill(co, 0);
            for (int i = inOff[v]; i < inOff[v + 1]; i++) {
                ci[attribute(pos, inSrc[i], v, inW[i])]++;
            }
            for (int i = off[v]; i < off[v + 1]; i++) {
                co[attr[i]]++;
            }
            addWedges(ci, co, chain, fanOut, fanIn);
            long in = g.inDegree(v);
            long out = g.outDegree(v);
            wedges += choose2(in) + choose2(out) + in * out;
        }
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
            fanOut[pairKey(xy, xz)] -= ffl[k];
            fanIn[pairKey(xz, yz)] -= ffl[k];
        }
        long[] triads = new long[16];
        triads[TriadClass.T030T.ordinal()] = t;
        triads[TriadClass.T021C.ordinal()] = sum(chain);
        triads[TriadClass.T021D.ordinal()] = sum(fanOut);
        triads[TriadClass.T021U.ordinal()] = sum(fanIn);
        triads[TriadClass.T012.ordinal()] = (long) m * (n - 2) - 2 * wedges + 3 * t;
        triads[TriadClass.T003.ordinal()] = choose3(n) - sum(triads);
        return new ThreeNodeCounts(triads, ffl, chain, fanOut, fanIn, edges);
    }

    /**
     * FFL histogram by (a(X→Y), a(Y→Z), a(X→Z)). For each X, mark its out-neighbours with X and the attribute of
     * X→Z; every two-path X→Y→Z that lands on a mark is an FFL. On a DAG no other edge can join the three. The
     * inner loop is branch-free (a hit adds 1, a miss 0, into a small per-(X, Y) histogram): on dense graphs half
     * the checks hit and a branch would mispredict.
     */
    private static long[] fflByMarking(int n, int[] off, int[] adj, byte[] attr) {
        long[] ffl = new long[64];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] local = new int[16];
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
                for (int j = off[y], end = off[y + 1]; j < end; j++) {
                    int marked = mark[adj[j]];
                    local[attr[j] | (marked & 3) << 2] += (marked >> 2) == x ? 1 : 0;
                }
                int xy = attr[i];
                for (int k = 0; k < 16; k++) {
                    ffl[xy | k << 2] += local[k];
                    local[k] = 0;
                }
            }
        }
        return ffl;
    }

    /** Adds the non-induced wedges at one centre with in-attribute counts ci and out-attribute counts co. */
    private static void addWedges(long[] ci, long[] co, long[] chain, long[] fanOut, long[] fanIn) {
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

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    /** The general path, exact on any simple digraph. Package-private so tests can run it on DAGs too. */
    static ThreeNodeCounts countGeneral(SignedDigraph g) {
        Undirected u = Undirected.of(g);
        int n = g.nodeCount();
        long[] edges = new long[4];
        int[] pos = g.rawPositions();
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        double[] w = g.rawOutWeights();
        for (int s = 0; s < n; s++) {
            for (int i = off[s]; i < off[s + 1]; i++) {
                edges[attribute(pos, s, adj[i], w[i])]++;
            }
        }
        Tally tally = new Tally();
        long[] ci = new long[4];
        long[] co = new long[4];
        for (int v = 0; v < n; v++) {
            Arrays.fill(ci, 0);
            Arrays.fill(co, 0);
            long mutual = 0;
            for (int i = u.off[v]; i < u.off[v + 1]; i++) {
                int info = u.info[i];
                int dir = info & 3;
                if (dir == DIR_OUT) {
                    co[info >> 2]++;
                } else if (dir == DIR_IN) {
                    ci[info >> 2]++;
                } else {
                    mutual++;
                }
                int other = u.adj[i];
                if (other > v) {
                    long open = (long) n - u.degree(v) - u.degree(other);
                    tally.triads[(dir == DIR_MUTUAL ? TriadClass.T102 : TriadClass.T012).ordinal()] += open;
                }
            }
            addWedges(ci, co, tally.chain, tally.fanOut, tally.fanIn);
            tally.triads[TriadClass.T111U.ordinal()] += mutual * (co[0] + co[1] + co[2] + co[3]);
            tally.triads[TriadClass.T111D.ordinal()] += mutual * (ci[0] + ci[1] + ci[2] + ci[3]);
            tally.triads[TriadClass.T201.ordinal()] += choose2(mutual);
        }
        u.forEachTriangle(tally);
        long[] triads = tally.triads;
        triads[TriadClass.T021C.ordinal()] = sum(tally.chain);
        triads[TriadClass.T021D.ordinal()] = sum(tally.fanOut);
        triads[TriadClass.T021U.ordinal()] = sum(tally.fanIn);
        triads[TriadClass.T003.ordinal()] = choose3(n) - sum(triads);
        return new ThreeNodeCounts(triads, tally.ffl, tally.chain, tally.fanOut, tally.fanIn, edges);
    }

    /** Running counts of the general path; triangles correct the wedge-based entries. */
    private static final class Tally {
        final long[] triads = new long[16];
        final long[] ffl = new long[64];
        final long[] chain = new long[16];
        final long[] fanOut = new long[16];
        final long[] fanIn = new long[16];

        /**
         * One undirected triangle on nodes 0, 1, 2 with edge infos seen from the first-named node:
         * {@code i01} (0's view of 0–1), {@code i02} (0's view of 0–2), {@code i12} (1's view of 1–2).
         */
        void triangle(int i01, int i02, int i12) {
            int code = codeBits(i01, 0, 1) | codeBits(i02, 0, 2) | codeBits(i12, 1, 2);
            TriadClass c = TriadCode.classOf(code);
            triads[c.ordinal()]++;
            for (int info : new int[] {i01, i02, i12}) {     // each closed pair was counted as open
                triads[((info & 3) == DIR_MUTUAL ? TriadClass.T102 : TriadClass.T012).ordinal()]++;
            }
            closeWedge(i01, i02);
            closeWedge(flip(i01), i12);
            closeWedge(flip(i02), flip(i12));
            if (c == TriadClass.T030T) {
                addFfl(i01, i02, i12);
            }
        }

        /** Takes a closed wedge (the centre's views of its two edges) out of the open-wedge classes. */
        private void closeWedge(int a, int b) {
            int da = a & 3;
            int db = b & 3;
            int aa = a >> 2;
            int ab = b >> 2;
            if (da == DIR_MUTUAL && db == DIR_MUTUAL) {
                triads[TriadClass.T201.ordinal()]--;
            } else if (da == DIR_MUTUAL || db == DIR_MUTUAL) {
                int other = da == DIR_MUTUAL ? db : da;
                triads[(other == DIR_OUT ? TriadClass.T111U : TriadClass.T111D).ordinal()]--;
            } else if (da == DIR_OUT && db == DIR_OUT) {
                fanOut[pairKey(aa, ab)]--;
            } else if (da == DIR_IN && db == DIR_IN) {
                fanIn[pairKey(aa, ab)]--;
            } else {
                chain[da == DIR_IN ? aa | ab << 2 : ab | aa << 2]--;
            }
        }

        /** An acyclic triangle without mutual edges: find X, Y, Z by their out-degree inside it. */
        private void addFfl(int i01, int i02, int i12) {
            int[] out = new int[3];
            out[(i01 & 3) == DIR_OUT ? 0 : 1]++;
            out[(i02 & 3) == DIR_OUT ? 0 : 2]++;
            out[(i12 & 3) == DIR_OUT ? 1 : 2]++;
            int x = out[0] == 2 ? 0 : out[1] == 2 ? 1 : 2;
            int z = out[0] == 0 ? 0 : out[1] == 0 ? 1 : 2;
            int y = 3 - x - z;
            ffl[pairAttr(x, y, i01, i02, i12) | pairAttr(y, z, i01, i02, i12) << 2
                    | pairAttr(x, z, i01, i02, i12) << 4]++;
        }

        private static int pairAttr(int a, int b, int i01, int i02, int i12) {
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            int info = lo == 0 ? (hi == 1 ? i01 : i02) : i12;
            return info >> 2;
        }

        private static int codeBits(int info, int a, int b) {
            int dir = info & 3;
            return ((dir & DIR_OUT) != 0 ? TriadCode.bit(a, b) : 0) | ((dir & DIR_IN) != 0 ? TriadCode.bit(b, a) : 0);
        }

        private static int flip(int info) {
            int dir = info & 3;
            int flipped = dir == DIR_OUT ? DIR_IN : dir == DIR_IN ? DIR_OUT : dir;
            return (info & ~3) | flipped;
        }
    }

    /**
     * The underlying undirected simple graph, each entry carrying the owner's view of the pair:
     * bits 0–1 {@code DIR_OUT}, {@code DIR_IN} or {@code DIR_MUTUAL}, bits 2–3 the attribute of the asymmetric edge
     * (0 for mutual pairs, whose two edges may differ).
     */
    private static final class Undirected {
        final int[] off;
        final int[] adj;
        final int[] info;

        private Undirected(int[] off, int[] adj, int[] info) {
            this.off = off;
            this.adj = adj;
            this.info = info;
        }

        int degree(int v) {
            return off[v + 1] - off[v];
        }

        /** Merges each node's sorted out- and in-lists. {@code O(n + m)}. */
        static Undirected of(SignedDigraph g) {
            int n = g.nodeCount();
            int[] outOff = g.rawOutOffsets();
            int[] outAdj = g.rawOutTargets();
            double[] outW = g.rawOutWeights();
            int[] inOff = g.rawInOffsets();
            int[] inAdj = g.rawInSources();
            double[] inW = g.rawInWeights();
            int[] pos = g.rawPositions();
            int[] off = new int[n + 1];
            int[] adj = new int[2 * g.edgeCount()];
            int[] info = new int[2 * g.edgeCount()];
            int k = 0;
            for (int v = 0; v < n; v++) {
                int i = outOff[v];
                int j = inOff[v];
                while (i < outOff[v + 1] || j < inOff[v + 1]) {
                    int a = i < outOff[v + 1] ? outAdj[i] : Integer.MAX_VALUE;
                    int b = j < inOff[v + 1] ? inAdj[j] : Integer.MAX_VALUE;
                    if (a == b) {
                        adj[k] = a;
                        info[k++] = DIR_MUTUAL;
                        i++;
                        j++;
                    } else if (a < b) {
                        adj[k] = a;
                        info[k++] = DIR_OUT | attribute(pos, v, a, outW[i]) << 2;
                        i++;
                    } else {
                        adj[k] = b;
                        info[k++] = DIR_IN | attribute(pos, b, v, inW[j]) << 2;
                        j++;
                    }
                }
                off[v + 1] = k;
            }
            return new Undirected(off, adj, info);
        }

        /**
         * Calls {@code tally.triangle} once per undirected triangle: orient each pair from lower to higher
         * (degree, index) rank, mark the forward neighbours of u, and look for marks among the forward neighbours
         * of each forward neighbour v. {@code O(m·√m)}.
         */
        void forEachTriangle(Tally tally) {
            int n = off.length - 1;
            long[] keys = new long[n];
            for (int v = 0; v < n; v++) {
                keys[v] = (long) degree(v) << 32 | v;
            }
            Arrays.sort(keys);
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[(int) keys[r]] = r;
            }
            int[] fOff = new int[n + 1];
            int[] fAdj = new int[adj.length / 2];
            int[] fInfo = new int[adj.length / 2];
            int k = 0;
            for (int v = 0; v < n; v++) {
                for (int i = off[v]; i < off[v + 1]; i++) {
                    if (rank[adj[i]] > rank[v]) {
                        fAdj[k] = adj[i];
                        fInfo[k++] = info[i];
                    }
                }
                fOff[v + 1] = k;
            }
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            int[] markInfo = new int[n];
            for (int a = 0; a < n; a++) {
                for (int i = fOff[a]; i < fOff[a + 1]; i++) {
                    mark[fAdj[i]] = a;
                    markInfo[fAdj[i]] = fInfo[i];
                }
                for (int i = fOff[a]; i < fOff[a + 1]; i++) {
                    int b = fAdj[i];
                    for (int j = fOff[b]; j < fOff[b + 1]; j++) {
                        int c = fAdj[j];
                        if (mark[c] == a) {
                            tally.triangle(fInfo[i], markInfo[c], fInfo[j]);
                        }
                    }
                }
            }
        }
    }
}
