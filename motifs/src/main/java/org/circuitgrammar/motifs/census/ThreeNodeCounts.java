package org.circuitgrammar.motifs.census;

import java.util.Arrays;

/**
 * Every 3-node count of one graph: the 16-class triad census and, for the induced DAG triads (FFL 030T, chain
 * 021C, fan-out 021D, fan-in 021U), the split by the attributes of their edges. Made by {@link ThreeNodeCensus}.
 *
 * <p>An edge's <b>attribute</b> is a 2-bit code: bit {@link #NEGATIVE} set iff its weight is {@code < 0} (zero
 * counts as positive), bit {@link #CROSS_POSITION} set iff its endpoints sit at different context positions
 * (attention-mediated) rather than the same one (residual). Splits are indexed by attribute codes:
 * <ul>
 *   <li>FFL, roles X (two out-edges), Y (one in, one out), Z (two in-edges):
 *       {@code ffl(a(X→Y) | a(Y→Z) << 2 | a(X→Z) << 4)}, 64 buckets;</li>
 *   <li>chain X→Y→Z: {@code chain(a(X→Y) | a(Y→Z) << 2)}, 16 buckets;</li>
 *   <li>fan-out Y←X→Z and fan-in X→Z←Y: the two edges are interchangeable, so the pair is stored once at
 *       {@code lo | hi << 2} with {@code lo <= hi}; the other 6 buckets are always 0.</li>
 * </ul>
 * Every split sums to its triad count. Counts are {@code long}. Immutable: arrays are copied in and out.
 */
public final class ThreeNodeCounts {
    /** Attribute bit: the edge's weight is negative. */
    public static final int NEGATIVE = 1;
    /** Attribute bit: the edge joins two different context positions. */
    public static final int CROSS_POSITION = 2;

    private final long[] triads;
    private final long[] ffl;
    private final long[] chain;
    private final long[] fanOut;
    private final long[] fanIn;
    private final long[] edges;
    private final boolean positionsSplit;

    ThreeNodeCounts(long[] triads, long[] ffl, long[] chain, long[] fanOut, long[] fanIn, long[] edges,
                    boolean positionsSplit) {
        this.positionsSplit = positionsSplit;
        this.triads = check(triads, 16);
        this.ffl = check(ffl, 64);
        this.chain = check(chain, 16);
        this.fanOut = check(fanOut, 16);
        this.fanIn = check(fanIn, 16);
        this.edges = check(edges, 4);
    }

    private static long[] check(long[] a, int length) {
        if (a.length != length) {
            throw new IllegalArgumentException("expected " + length + " counts, got " + a.length);
        }
        return a.clone();
    }

    /** The number of induced triads of class {@code c}. */
    public long triad(TriadClass c) { return triads[c.ordinal()]; }

    /** The census in {@link TriadClass} order (16 entries, a fresh copy). */
    public long[] triads() { return triads.clone(); }

    /** FFLs whose edges have attributes {@code xy}, {@code yz}, {@code xz}. */
    public long ffl(int xy, int yz, int xz) { return ffl[xy | yz << 2 | xz << 4]; }

    /** Induced chains X→Y→Z whose edges have attributes {@code xy}, {@code yz}. */
    public long chain(int xy, int yz) { return chain[xy | yz << 2]; }

    /** Induced fan-outs whose two edges have attributes {@code a} and {@code b} (order irrelevant). */
    public long fanOut(int a, int b) { return fanOut[Math.min(a, b) | Math.max(a, b) << 2]; }

    /** Induced fan-ins whose two edges have attributes {@code a} and {@code b} (order irrelevant). */
    public long fanIn(int a, int b) { return fanIn[Math.min(a, b) | Math.max(a, b) << 2]; }

    /** Edges with attribute {@code a}. */
    public long edges(int a) { return edges[a]; }

    /**
     * True iff the splits tell same- from cross-position edges; if false every edge was counted as same-position
     * ({@link ThreeNodeCensus#count(org.circuitgrammar.motifs.graph.SignedDigraph, boolean)}), which leaves the
     * triads and the sign splits exact.
     */
    public boolean positionsSplit() { return positionsSplit; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThreeNodeCounts c && positionsSplit == c.positionsSplit
                && Arrays.equals(triads, c.triads) && Arrays.equals(ffl, c.ffl)
                && Arrays.equals(chain, c.chain) && Arrays.equals(fanOut, c.fanOut)
                && Arrays.equals(fanIn, c.fanIn) && Arrays.equals(edges, c.edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(triads) * 31 + Arrays.hashCode(ffl);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ThreeNodeCounts[");
        for (TriadClass c : TriadClass.values()) {
            s.append(c.man()).append('=').append(triads[c.ordinal()]).append(c.ordinal() < 15 ? ", " : "]");
        }
        return s.toString();
    }
}
