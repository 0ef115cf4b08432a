package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Layer-pair Erdős–Rényi: for every block of k observed edges, k distinct cells drawn uniformly from all the block's
 * allowed (source-layer node, target-layer node) cells, self-pairs excluded when the two layers coincide. Keeps every
 * block's edge count (so a graph whose edges all go strictly up in layer stays a DAG) and randomises the degrees.
 * Every sample is independent (no chain).
 *
 * <p>Blocks: under {@link NullRules#CAUSAL} (source layer, target layer, direction): the cells of an edge with source
 * position ≤ target position are those with the same property, so a causal graph's samples are causal; a graph that
 * has edges going back in position (chess squares, a few dense dumps) keeps their number per layer pair, drawn from the
 * backward cells. Under {@link NullRules#ANCHOR} (source layer, target layer), every cell, as circuit-motifs.
 *
 * <p>Signs: {@link SignMode#SHUFFLED} permutes each block's observed weights over its new edges (exact E/I count per
 * block); {@link SignMode#BERNOULLI} draws ±1 per edge as circuit-motifs does. Cost per sample
 * {@code O(n + m log(rows))} (each cell's row found by binary search) plus, per block, the draw of its cells
 * ({@link RandomSubsets#sample}: {@code O(k + cells/64)} up to 2^24 cells, {@code O(k log k)} beyond).
 */
public final class LayerPairErNull implements NullModel {
    private static final int FORWARD_CLASS = 0;
    private static final int BACKWARD_CLASS = 1;

    private final BlockSwapChain.Plan plan;     // its blocks and per-slot weights; its swap state is unused
    private final SignMode signs;
    private final NullRules rules;
    private final Cells[] cells;                // per block

    /**
     * The allowed cells of one block, numbered row by row: row u (a source-layer node, in id order) owns the
     * target-layer nodes {@code columns[lo[u] .. hi[u])} minus the column {@code self[u]} (the node itself, or −1).
     */
    private record Cells(int[] rowNodes, int[] columns, int[] lo, int[] hi, int[] self, long[] firstCell) {
        long size() {
            return firstCell[rowNodes.length];
        }

        /** Source and target node of cell number {@code cell}: {@code O(log rows)}. */
        long edge(long cell) {
            int low = 0;                        // the last row whose first cell is <= cell (rows may be empty)
            int high = rowNodes.length - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (firstCell[mid] <= cell) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            int u = low;
            int c = lo[u] + (int) (cell - firstCell[u]);
            if (self[u] >= 0 && c >= self[u]) {
                c++;
            }
            return (long) rowNodes[u] << 32 | columns[c];
        }
    }

    public LayerPairErNull(SignedDigraph observed, SignMode signs, NullRules rules) {
        if (signs != SignMode.SHUFFLED && signs != SignMode.BERNOULLI) {
            throw new IllegalArgumentException("lp-er signs are SHUFFLED or BERNOULLI, not " + signs);
        }
        boolean causal = rules == NullRules.CAUSAL;
        long[] keys = new long[observed.edgeCount()];
        int[] off = observed.rawOutOffsets();
        int[] adj = observed.rawOutTargets();
        for (int s = 0; s < observed.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                int direction = causal && observed.position(s) > observed.position(adj[e]) ? BACKWARD_CLASS
                        : FORWARD_CLASS;
                keys[e] = LayerPairSwapNull.key(observed.layer(s), observed.layer(adj[e]), direction);
            }
        }
        this.plan = new BlockSwapChain.Plan(observed, keys, key -> CellRule.ANY, key -> false, false, signs);
        this.signs = signs;
        this.rules = rules;
        int blocks = plan.blockCount();
        cells = new Cells[blocks];
        for (int b = 0; b < blocks; b++) {
            int first = plan.blockStart[b];
            int s = plan.source[first];
            int t = plan.initialTarget[first];
            int rule = !causal ? CellRule.ANY
                    : observed.position(s) > observed.position(t) ? CellRule.BACKWARD : CellRule.FORWARD_OR_SAME;
            cells[b] = cells(observed, observed.layer(s), observed.layer(t), rule);
        }
    }

    /** The cells from layer {@code from} to layer {@code to} that {@code rule} allows. */
    private static Cells cells(SignedDigraph g, int from, int to, int rule) {
        int[] rowNodes = nodesOfLayer(g, from);
        int[] columns = nodesOfLayer(g, to);
        if (rule != CellRule.ANY) {      // by position, so each row's allowed targets are one contiguous range
            columns = IntStream.of(columns).boxed()
                    .sorted(Comparator.comparingInt(g::position).thenComparingInt(v -> v))
                    .mapToInt(Integer::intValue).toArray();
        }
        int rows = rowNodes.length;
        int[] lo = new int[rows];
        int[] hi = new int[rows];
        int[] self = new int[rows];
        long[] firstCell = new long[rows + 1];
        for (int u = 0; u < rows; u++) {
            int p = g.position(rowNodes[u]);
            int firstAtOrAfter = firstColumnAtPosition(g, columns, p, rule);
            lo[u] = rule == CellRule.FORWARD_OR_SAME ? firstAtOrAfter : 0;
            hi[u] = rule == CellRule.BACKWARD ? firstAtOrAfter : columns.length;
            self[u] = -1;
            if (from == to) {
                for (int c = lo[u]; c < hi[u]; c++) {
                    if (columns[c] == rowNodes[u]) {
                        self[u] = c;
                    }
                }
            }
            firstCell[u + 1] = firstCell[u] + hi[u] - lo[u] - (self[u] >= 0 ? 1 : 0);
        }
        return new Cells(rowNodes, columns, lo, hi, self, firstCell);
    }

    /** The first index of {@code columns} (sorted by position under a positional rule) at position ≥ {@code p}. */
    private static int firstColumnAtPosition(SignedDigraph g, int[] columns, int p, int rule) {
        if (rule == CellRule.ANY) {
            return 0;
        }
        int c = 0;
        while (c < columns.length && g.position(columns[c]) < p) {
            c++;
        }
        return c;
    }

    private static int[] nodesOfLayer(SignedDigraph g, int layer) {
        return IntStream.range(0, g.nodeCount()).filter(v -> g.layer(v) == layer).toArray();
    }

    @Override
    public NullKind kind() {
        return NullKind.LP_ER;
    }

    @Override
    public SignedDigraph observed() {
        return plan.observed;
    }

    @Override
    public boolean isMarkovChain() {
        return false;
    }

    @Override
    public NullSampler newSampler(SplittableRandom rng) {
        return new DirectSampler(observed(), () -> draw(rng));
    }

    private SignedDigraph draw(SplittableRandom rng) {
        int m = plan.source.length;
        int[] src = new int[m];
        int[] dst = new int[m];
        for (int b = 0; b < cells.length; b++) {
            int start = plan.blockStart[b];
            int k = plan.blockStart[b + 1] - start;
            long[] picks = RandomSubsets.sample(cells[b].size(), k, rng);
            for (int i = 0; i < k; i++) {
                long edge = cells[b].edge(picks[i]);
                src[start + i] = (int) (edge >>> 32);
                dst[start + i] = (int) edge;
            }
        }
        SignedDigraph g = plan.observed;
        double[] w = EdgeSigns.assign(signs, plan.weight, plan.blockStart, plan.excitatoryFraction, rng);
        return SignedDigraph.fromDistinctEdges(g.rawLayers(), g.rawPositions(), src, dst, w);
    }

    @Override
    public List<String> invariantViolations(SignedDigraph sample) {
        SignedDigraph g = observed();
        List<String> out = Invariants.nodesAndEdgeCount(g, sample);
        Invariants.sameMultiset(g, sample, "edges per layer pair", (h, s, t, w) -> List.of(h.layer(s), h.layer(t)),
                out);
        Invariants.acyclicIfLayered(g, sample, out);
        if (rules == NullRules.CAUSAL) {
            Invariants.keepsBackwardEdges(g, sample, out);
            Invariants.sameMultiset(g, sample, "edges per layer pair and direction in position",
                    (h, s, t, w) -> List.of(h.layer(s), h.layer(t), h.position(s) > h.position(t)), out);
        }
        if (signs == SignMode.SHUFFLED) {
            Invariants.sameMultiset(g, sample, "signed weights per layer pair",
                    (h, s, t, w) -> List.of(h.layer(s), h.layer(t), w), out);
        }
        return out;
    }
}
