package org.circuitgrammar.motifs.census;

import java.util.Arrays;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The general path of {@link ThreeNodeCensus}, exact on any simple digraph (cycles, mutual pairs): open wedges from
 * per-node degree splits, closed ones corrected by enumerating every undirected triangle once.
 * Time {@code O(n log n + m·√m)}, memory {@code O(n + m)}.
 */
final class GeneralThreeNodeCensus {
    private static final int DIR_OUT = 1;
    private static final int DIR_IN = 2;
    private static final int DIR_MUTUAL = 3;
    private static final int T012 = TriadClass.T012.ordinal();
    private static final int T102 = TriadClass.T102.ordinal();

    private GeneralThreeNodeCensus() {
    }

    /** Counts {@code g}, any simple digraph, with positions split. */
    static ThreeNodeCounts count(SignedDigraph g) {
        return count(g, g.rawPositions(), true);
    }

    /** Counts {@code g} with the node positions {@code pos} (all equal when {@code positions} is false). */
    static ThreeNodeCounts count(SignedDigraph g, int[] pos, boolean positions) {
        Undirected u = Undirected.of(g, pos);
        int n = g.nodeCount();
        long[] edges = new long[4];
        ThreeNodeCensus.outAttributes(g, pos, edges);
        Tally tally = new Tally();
        tally.openWedges(u, n);
        tally.triangles(u.triangleHistogram());
        long[] triads = tally.triads;
        triads[TriadClass.T021C.ordinal()] = ThreeNodeCensus.sum(tally.chain);
        triads[TriadClass.T021D.ordinal()] = ThreeNodeCensus.sum(tally.fanOut);
        triads[TriadClass.T021U.ordinal()] = ThreeNodeCensus.sum(tally.fanIn);
        triads[TriadClass.T003.ordinal()] = ThreeNodeCensus.choose3(n) - ThreeNodeCensus.sum(triads);
        return new ThreeNodeCounts(triads, tally.ffl, tally.chain, tally.fanOut, tally.fanIn, edges, positions);
    }

    /** Running counts of the general path; triangles correct the wedge-based entries. */
    private static final class Tally {
        final long[] triads = new long[16];
        final long[] ffl = new long[64];
        final long[] chain = new long[16];
        final long[] fanOut = new long[16];
        final long[] fanIn = new long[16];

        /**
         * The open wedges at every node by its views of the two edges (chains and fans split by attribute, 111U,
         * 111D, 201) and the single-edge classes 012 and 102, each counted as if no triangle closed it. A method of
         * its own so the JIT compiles small loops rather than one large method.
         */
        void openWedges(Undirected u, int n) {
            long[] ci = new long[4];
            long[] co = new long[4];
            for (int v = 0; v < n; v++) {
                Arrays.fill(ci, 0);
                Arrays.fill(co, 0);
                long mutual = 0;
                // the directions mix unpredictably along a row, so they are tallied without branches
                for (int i = u.off[v]; i < u.off[v + 1]; i++) {
                    int info = u.info[i];
                    int dir = info & 3;
                    co[info >> 2] += dir == DIR_OUT ? 1 : 0;
                    ci[info >> 2] += dir == DIR_IN ? 1 : 0;
                    mutual += dir == DIR_MUTUAL ? 1 : 0;
                    int other = u.adj[i];
                    // third nodes adjacent to neither end: n − 2 − (d(v) − 1) − (d(other) − 1) + t, t added
                    // per triangle; each pair once, from its lower end
                    long open = other > v ? (long) n - u.degree(v) - u.degree(other) : 0;
                    triads[dir == DIR_MUTUAL ? T102 : T012] += open;
                }
                ThreeNodeCensus.addWedges(ci, co, chain, fanOut, fanIn);
                triads[TriadClass.T111U.ordinal()] += mutual * (co[0] + co[1] + co[2] + co[3]);
                triads[TriadClass.T111D.ordinal()] += mutual * (ci[0] + ci[1] + ci[2] + ci[3]);
                triads[TriadClass.T201.ordinal()] += ThreeNodeCensus.choose2(mutual);
            }
        }

        /** Every triangle of a {@link Undirected#triangleHistogram()}, its count times. */
        void triangles(long[] histogram) {
            for (int key = 0; key < histogram.length; key++) {
                if (histogram[key] != 0) {
                    triangle(key & 15, key >> 4 & 15, key >> 8, histogram[key]);
                }
            }
        }

        /**
         * {@code count} undirected triangles on nodes 0, 1, 2 with edge infos seen from the first-named node:
         * {@code i01} (0's view of 0–1), {@code i02} (0's view of 0–2), {@code i12} (1's view of 1–2).
         */
        private void triangle(int i01, int i02, int i12, long count) {
            // a view's direction bits are the pattern bits of its pair: OUT sets the low-to-high edge, IN the other
            // (TriadCode's bit order 0→1, 1→0, 0→2, 2→0, 1→2, 2→1)
            int code = (i01 & 3) | (i02 & 3) << 2 | (i12 & 3) << 4;
            TriadClass c = TriadCode.classOf(code);
            triads[c.ordinal()] += count;
            reopenPair(i01, count);                // each closed pair was counted as open
            reopenPair(i02, count);
            reopenPair(i12, count);
            closeWedge(i01, i02, count);
            closeWedge(flip(i01), i12, count);
            closeWedge(flip(i02), flip(i12), count);
            if (c == TriadClass.T030T) {
                addFfl(i01, i02, i12, count);
            }
        }

        private void reopenPair(int info, long count) {
            triads[((info & 3) == DIR_MUTUAL ? TriadClass.T102 : TriadClass.T012).ordinal()] += count;
        }

        /** Takes a closed wedge (the centre's views of its two edges) out of the open-wedge classes. */
        private void closeWedge(int a, int b, long count) {
            int da = a & 3;
            int db = b & 3;
            int aa = a >> 2;
            int ab = b >> 2;
            if (da == DIR_MUTUAL && db == DIR_MUTUAL) {
                triads[TriadClass.T201.ordinal()] -= count;
            } else if (da == DIR_MUTUAL || db == DIR_MUTUAL) {
                int other = da == DIR_MUTUAL ? db : da;
                triads[(other == DIR_OUT ? TriadClass.T111U : TriadClass.T111D).ordinal()] -= count;
            } else if (da == DIR_OUT && db == DIR_OUT) {
                fanOut[ThreeNodeCensus.pairKey(aa, ab)] -= count;
            } else if (da == DIR_IN && db == DIR_IN) {
                fanIn[ThreeNodeCensus.pairKey(aa, ab)] -= count;
            } else {
                chain[da == DIR_IN ? aa | ab << 2 : ab | aa << 2] -= count;
            }
        }

        /** An acyclic triangle without mutual edges: find X, Y, Z by their out-degree inside it. */
        private void addFfl(int i01, int i02, int i12, long count) {
            int out0 = ((i01 & 3) == DIR_OUT ? 1 : 0) + ((i02 & 3) == DIR_OUT ? 1 : 0);
            int out1 = ((i01 & 3) == DIR_OUT ? 0 : 1) + ((i12 & 3) == DIR_OUT ? 1 : 0);
            int x = out0 == 2 ? 0 : out1 == 2 ? 1 : 2;
            int z = out0 == 0 ? 0 : out1 == 0 ? 1 : 2;
            int y = 3 - x - z;
            ffl[pairAttr(x, y, i01, i02, i12) | pairAttr(y, z, i01, i02, i12) << 2
                    | pairAttr(x, z, i01, i02, i12) << 4] += count;
        }

        private static int pairAttr(int a, int b, int i01, int i02, int i12) {
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            int info = lo == 0 ? (hi == 1 ? i01 : i02) : i12;
            return info >> 2;
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
        static Undirected of(SignedDigraph g, int[] pos) {
            int n = g.nodeCount();
            int[] outOff = g.rawOutOffsets();
            int[] outAdj = g.rawOutTargets();
            double[] outW = g.rawOutWeights();
            int[] inOff = g.rawInOffsets();
            int[] inAdj = g.rawInSources();
            double[] inW = g.rawInWeights();
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
                        info[k++] = DIR_OUT | ThreeNodeCensus.attribute(pos, v, a, outW[i]) << 2;
                        i++;
                    } else {
                        adj[k] = b;
                        info[k++] = DIR_IN | ThreeNodeCensus.attribute(pos, b, v, inW[j]) << 2;
                        j++;
                    }
                }
                off[v + 1] = k;
            }
            return new Undirected(off, adj, info);
        }

        /**
         * The undirected triangles by their three edge infos: entry {@code i01 | i02 << 4 | i12 << 8} counts the
         * triangles on nodes 0, 1, 2 (in enumeration order) with those views (see {@link Tally#triangle}). Each
         * triangle is found once: orient each pair from lower to higher (degree, index) rank, mark the forward
         * neighbours of u, and look for marks among the forward neighbours of each forward neighbour v. The inner
         * loop only adds 1 or 0 to a histogram entry, without a branch: on dense graphs a large share of the
         * checks hit, and classifying each triangle in the loop would mispredict several branches per triangle.
         * {@code O(m·√m)}.
         */
        long[] triangleHistogram() {
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
            long[] histogram = new long[1 << 12];
            for (int a = 0; a < n; a++) {
                for (int i = fOff[a]; i < fOff[a + 1]; i++) {
                    mark[fAdj[i]] = a;
                    markInfo[fAdj[i]] = fInfo[i];
                }
                for (int i = fOff[a]; i < fOff[a + 1]; i++) {
                    int b = fAdj[i];
                    int ab = fInfo[i];
                    for (int j = fOff[b], end = fOff[b + 1]; j < end; j++) {
                        int c = fAdj[j];
                        histogram[ab | markInfo[c] << 4 | fInfo[j] << 8] += mark[c] == a ? 1 : 0;
                    }
                }
            }
            return histogram;
        }
    }
}
