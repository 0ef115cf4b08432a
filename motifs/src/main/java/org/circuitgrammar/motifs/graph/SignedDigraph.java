package org.circuitgrammar.motifs.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * A simple directed graph with signed edge weights, stored as two compressed sparse rows: by source (CSR, targets
 * ascending) and by target (CSC, sources ascending). This is the shape every census and null model runs on.
 *
 * <p>Contract: no self-loops, no parallel edges (the factory drops and merges them and says how many), nodes
 * {@code 0..n-1} each with a layer and a context position. Edges need not go up in layer: null models such as the
 * configuration model create backward edges, mutual pairs and cycles, and every census must stay exact on them.
 *
 * <p>Construction is {@code O(n + m log m)}; all accessors are {@code O(1)}. Immutable and thread-safe as long as
 * callers do not write into the arrays returned by the {@code raw...} accessors, which are shared for speed.
 */
public final class SignedDigraph {
    private final int n;
    private final int[] layer;
    private final int[] position;
    private final int[] outOff;
    private final int[] outAdj;
    private final double[] outW;
    private final int[] inOff;
    private final int[] inAdj;
    private final double[] inW;
    private final int droppedSelfLoops;
    private final int mergedParallel;

    private SignedDigraph(int n, int[] layer, int[] position, int[] outOff, int[] outAdj, double[] outW,
                          int[] inOff, int[] inAdj, double[] inW, int droppedSelfLoops, int mergedParallel) {
        this.n = n;
        this.layer = layer;
        this.position = position;
        this.outOff = outOff;
        this.outAdj = outAdj;
        this.outW = outW;
        this.inOff = inOff;
        this.inAdj = inAdj;
        this.inW = inW;
        this.droppedSelfLoops = droppedSelfLoops;
        this.mergedParallel = mergedParallel;
    }

    /**
     * Builds the graph from parallel edge arrays. Self-loops are dropped; of parallel edges the first in array order
     * is kept. The input arrays are not modified or retained.
     *
     * @param layer    per-node layer, length n (copied)
     * @param position per-node context position, length n (copied)
     */
    public static SignedDigraph fromEdges(int[] layer, int[] position, int[] src, int[] dst, double[] weight,
                                          int edgeCount) {
        int n = layer.length;
        if (position.length != n) {
            throw new IllegalArgumentException("layer and position lengths differ: " + n + " vs " + position.length);
        }
        Objects.checkFromToIndex(0, edgeCount, Math.min(src.length, Math.min(dst.length, weight.length)));
        // bucket edges by source (stable, so file order survives), then sort each bucket by (target, file order)
        int[] bucketOff = new int[n + 1];
        int loops = 0;
        for (int e = 0; e < edgeCount; e++) {
            Objects.checkIndex(src[e], n);
            Objects.checkIndex(dst[e], n);
            if (src[e] == dst[e]) {
                loops++;
            } else {
                bucketOff[src[e] + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            bucketOff[v + 1] += bucketOff[v];
        }
        int k = bucketOff[n];
        long[] keys = new long[k];
        int[] fill = Arrays.copyOf(bucketOff, n);
        for (int e = 0; e < edgeCount; e++) {
            if (src[e] != dst[e]) {
                keys[fill[src[e]]++] = ((long) dst[e] << 32) | e;
            }
        }
        int[] outOff = new int[n + 1];
        int[] outAdj = new int[k];
        double[] outW = new double[k];
        int m = 0;
        for (int s = 0; s < n; s++) {
            Arrays.sort(keys, bucketOff[s], bucketOff[s + 1]);
            int previous = -1;
            for (int i = bucketOff[s]; i < bucketOff[s + 1]; i++) {
                int t = (int) (keys[i] >>> 32);
                if (t == previous) {
                    continue;
                }
                previous = t;
                outAdj[m] = t;
                outW[m] = weight[(int) keys[i]];
                m++;
            }
            outOff[s + 1] = m;
        }
        outAdj = Arrays.copyOf(outAdj, m);
        outW = Arrays.copyOf(outW, m);
        int[] inOff = new int[n + 1];
        for (int i = 0; i < m; i++) {
            inOff[outAdj[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inOff[v + 1] += inOff[v];
        }
        int[] inAdj = new int[m];
        double[] inW = new double[m];
        int[] next = Arrays.copyOf(inOff, n);
        for (int s = 0; s < n; s++) {           // sources visited ascending, so each in-list comes out sorted
            for (int i = outOff[s]; i < outOff[s + 1]; i++) {
                int slot = next[outAdj[i]]++;
                inAdj[slot] = s;
                inW[slot] = outW[i];
            }
        }
        return new SignedDigraph(n, layer.clone(), position.clone(), outOff, outAdj, outW, inOff, inAdj, inW,
                loops, k - m);
    }

    /**
     * A graph from edges that are already distinct and loop-free, in any order, for samplers whose moves keep that
     * true: edge i is {@code src[i] → dst[i]} with weight {@code weight[i]}. Two counting passes (by target, then
     * stably by source) give ascending rows in {@code O(n + m)} without a sort; layer and position arrays are shared
     * as in {@link #fromSortedRows}, the edge arrays only read.
     *
     * @throws IllegalArgumentException  if two edges coincide or an edge is a self-loop
     * @throws IndexOutOfBoundsException if an edge names a node out of range
     */
    public static SignedDigraph fromDistinctEdges(int[] layer, int[] position, int[] src, int[] dst,
                                                  double[] weight) {
        int n = layer.length;
        int m = src.length;
        if (dst.length != m || weight.length != m) {
            throw new IllegalArgumentException("edge array lengths differ: " + m + ", " + dst.length + ", "
                    + weight.length);
        }
        int[] byTargetStart = new int[n + 1];
        int[] outOff = new int[n + 1];
        for (int e = 0; e < m; e++) {
            byTargetStart[Objects.checkIndex(dst[e], n) + 1]++;
            outOff[Objects.checkIndex(src[e], n) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            byTargetStart[v + 1] += byTargetStart[v];
            outOff[v + 1] += outOff[v];
        }
        int[] byTarget = new int[m];
        for (int e = 0; e < m; e++) {
            byTarget[byTargetStart[dst[e]]++] = e;
        }
        int[] rowFill = Arrays.copyOf(outOff, n);
        int[] outAdj = new int[m];
        double[] outW = new double[m];
        for (int e : byTarget) {                // targets ascending
            int at = rowFill[src[e]]++;
            outAdj[at] = dst[e];
            outW[at] = weight[e];
        }
        return fromSortedRows(layer, position, outOff, outAdj, outW);
    }

    /**
     * A graph from rows already in CSR form, for samplers that produce sorted rows in linear time: row s is
     * {@code outAdj[outOff[s] .. outOff[s+1])}, strictly ascending, without s itself. The arrays are taken over, not
     * copied (the caller must not modify them afterwards; layer and position arrays may be shared with other graphs,
     * as the {@code raw...} accessors share them). Checks the contract in {@code O(n + m)} and builds the CSC in
     * {@code O(n + m)} (sources visited ascending, so each in-list comes out sorted).
     *
     * @throws IllegalArgumentException if a row is not strictly ascending or holds a self-loop or a node out of range
     */
    public static SignedDigraph fromSortedRows(int[] layer, int[] position, int[] outOff, int[] outAdj,
                                               double[] outW) {
        int n = layer.length;
        int m = outOff[n];
        if (position.length != n || outOff.length != n + 1 || outAdj.length != m || outW.length != m) {
            throw new IllegalArgumentException("inconsistent CSR lengths");
        }
        int[] inOff = new int[n + 1];
        for (int s = 0; s < n; s++) {
            int previous = -1;
            for (int i = outOff[s]; i < outOff[s + 1]; i++) {
                int t = outAdj[i];
                if (t <= previous || t >= n || t == s) {
                    throw new IllegalArgumentException("row " + s + " is not strictly ascending, has a self-loop or "
                            + "a node out of range at " + i);
                }
                previous = t;
                inOff[t + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            inOff[v + 1] += inOff[v];
        }
        int[] inAdj = new int[m];
        double[] inW = new double[m];
        int[] next = Arrays.copyOf(inOff, n);
        for (int s = 0; s < n; s++) {
            for (int i = outOff[s]; i < outOff[s + 1]; i++) {
                int slot = next[outAdj[i]]++;
                inAdj[slot] = s;
                inW[slot] = outW[i];
            }
        }
        return new SignedDigraph(n, layer, position, outOff, outAdj, outW, inOff, inAdj, inW, 0, 0);
    }

    public int nodeCount() { return n; }

    public int edgeCount() { return outAdj.length; }

    public int layer(int v) { return layer[v]; }

    public int position(int v) { return position[v]; }

    public int outDegree(int v) { return outOff[v + 1] - outOff[v]; }

    public int inDegree(int v) { return inOff[v + 1] - inOff[v]; }

    /** True iff the edge {@code s -> t} exists. {@code O(log outDegree(s))}. */
    public boolean hasEdge(int s, int t) {
        return Arrays.binarySearch(outAdj, outOff[s], outOff[s + 1], t) >= 0;
    }

    /** Signed weight of {@code s -> t}, or NaN if there is no such edge. */
    public double weight(int s, int t) {
        int i = Arrays.binarySearch(outAdj, outOff[s], outOff[s + 1], t);
        return i >= 0 ? outW[i] : Double.NaN;
    }

    /** CSR offsets by source, length n+1. Shared, do not modify. */
    public int[] rawOutOffsets() { return outOff; }

    /** CSR targets, ascending within each source. Shared, do not modify. */
    public int[] rawOutTargets() { return outAdj; }

    /** CSR signed weights aligned with {@link #rawOutTargets()}. Shared, do not modify. */
    public double[] rawOutWeights() { return outW; }

    /** CSC offsets by target, length n+1. Shared, do not modify. */
    public int[] rawInOffsets() { return inOff; }

    /** CSC sources, ascending within each target. Shared, do not modify. */
    public int[] rawInSources() { return inAdj; }

    /** CSC signed weights aligned with {@link #rawInSources()}. Shared, do not modify. */
    public double[] rawInWeights() { return inW; }

    /** Per-node layers. Shared, do not modify. */
    public int[] rawLayers() { return layer; }

    /** Per-node positions. Shared, do not modify. */
    public int[] rawPositions() { return position; }

    /** Self-loops the factory dropped. */
    public int droppedSelfLoops() { return droppedSelfLoops; }

    /** Parallel edges the factory merged into the first of their kind. */
    public int mergedParallelEdges() { return mergedParallel; }

    /** True iff the graph has no directed cycle (Kahn's algorithm, {@code O(n + m)}). */
    public boolean isAcyclic() {
        int[] indeg = new int[n];
        for (int v = 0; v < n; v++) {
            indeg[v] = inDegree(v);
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indeg[v] == 0) {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int i = outOff[v]; i < outOff[v + 1]; i++) {
                if (--indeg[outAdj[i]] == 0) {
                    queue[tail++] = outAdj[i];
                }
            }
        }
        return tail == n;
    }

    @Override
    public String toString() {
        return "SignedDigraph[" + n + " nodes, " + edgeCount() + " edges]";
    }
}
