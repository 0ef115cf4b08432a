package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The double-edge swap chain shared by the configuration and layer-pair configuration nulls. Edges are grouped into
 * blocks by a key; a trial picks two distinct edges (s1→t1), (s2→t2) of one block uniformly and exchanges their
 * targets, giving (s1→t2), (s2→t1), unless that is a no-op (s1 = s2 or t1 = t2), makes a self-loop, makes an edge the
 * block already has, or (in blocks flagged cross-position) joins two nodes of the same token position. Every node
 * therefore keeps its out-degree and in-degree inside every block, and the graph stays simple. The proposal is
 * symmetric, so the stationary distribution is uniform over the simple graphs the chain can reach.
 *
 * <p>Each adjacency group (a block, or several blocks that could otherwise duplicate each other's edges, such as the
 * + and − blocks of one layer pair) has its own {@link PairSet} over group-local row and column indices, so a swap
 * check touches one small bitset (cache-resident for a real graph's (layer, layer) blocks) instead of a global hash set. A sweep makes
 * round(sweeps·k) trials in each block of k ≥ 2 edges, block after block; blocks of fewer than two edges never change.
 *
 * <p>Cost: construction {@code O(n + m log m)}; a trial {@code O(1)}; {@link #current()} {@code O(n + m log m)}.
 */
final class BlockSwapChain implements NullSampler {

    /** The immutable part, shared by every chain of one null model. */
    static final class Plan {
        final SignedDigraph observed;
        final SignMode signs;
        final int[] blockStart;            // slots of swap block b: [blockStart[b], blockStart[b+1])
        final int[] adjacencyOf;           // per swap block, its adjacency group
        final int[] source;                // per slot, fixed
        final int[] initialTarget;
        final int[] row;                   // per slot: source's index inside its adjacency group, fixed
        final int[] initialColumn;         // per slot: target's index inside its adjacency group
        final double[] weight;             // per slot; travels with the slot (source)
        final boolean[] crossPosition;     // per swap block
        final int[] rows;                  // per adjacency group
        final int[] columns;
        final int[] edges;
        final double excitatoryFraction;

        /**
         * @param swapKey       per CSR edge of {@code g} (the order of {@link SignedDigraph#rawOutTargets()}), its
         *                      swap block: a trial swaps two edges of one block
         * @param adjacencyKey  per CSR edge, its adjacency group, coarser than (or equal to) the swap block: swapped-in
         *                      edges are checked against every edge of the group (e.g. the + and − blocks of one
         *                      layer pair share one group, so a swap never duplicates an edge of the other sign)
         * @param crossPosition whether a swap key demands that swapped-in edges join different token positions
         */
        Plan(SignedDigraph g, long[] swapKey, long[] adjacencyKey, LongPredicate crossPosition, SignMode signs) {
            this.observed = g;
            this.signs = signs;
            int n = g.nodeCount();
            int m = g.edgeCount();
            long[] swapKeys = distinctSorted(swapKey);
            long[] adjacencyKeys = distinctSorted(adjacencyKey);
            int blocks = swapKeys.length;
            int[] edgeBlock = new int[m];
            blockStart = new int[blocks + 1];
            adjacencyOf = new int[blocks];
            for (int e = 0; e < m; e++) {
                edgeBlock[e] = Arrays.binarySearch(swapKeys, swapKey[e]);
                blockStart[edgeBlock[e] + 1]++;
                adjacencyOf[edgeBlock[e]] = Arrays.binarySearch(adjacencyKeys, adjacencyKey[e]);
            }
            for (int b = 0; b < blocks; b++) {
                blockStart[b + 1] += blockStart[b];
            }
            int[] off = g.rawOutOffsets();
            int[] adj = g.rawOutTargets();
            double[] w = g.rawOutWeights();
            source = new int[m];
            initialTarget = new int[m];
            weight = new double[m];
            int[] fill = Arrays.copyOf(blockStart, blocks);
            for (int s = 0; s < n; s++) {
                for (int e = off[s]; e < off[s + 1]; e++) {
                    int slot = fill[edgeBlock[e]]++;
                    source[slot] = s;
                    initialTarget[slot] = adj[e];
                    weight[slot] = w[e];
                }
            }
            this.crossPosition = new boolean[blocks];
            for (int b = 0; b < blocks; b++) {
                this.crossPosition[b] = crossPosition.test(swapKeys[b]);
            }
            int groups = adjacencyKeys.length;
            row = new int[m];
            initialColumn = new int[m];
            rows = new int[groups];
            columns = new int[groups];
            edges = new int[groups];
            // local indices per adjacency group; stamps avoid clearing n-sized maps for every group
            long[] rowStamp = new long[n];
            long[] columnStamp = new long[n];
            Arrays.fill(rowStamp, -1);
            Arrays.fill(columnStamp, -1);
            int[] rowIndex = new int[n];
            int[] columnIndex = new int[n];
            for (int b = 0; b < blocks; b++) {
                int a = adjacencyOf[b];
                for (int slot = blockStart[b]; slot < blockStart[b + 1]; slot++) {
                    edges[a]++;
                    int s = source[slot];
                    if (rowStamp[s] != a) {
                        rowStamp[s] = a;
                        rowIndex[s] = rows[a]++;
                    }
                    row[slot] = rowIndex[s];
                    int t = initialTarget[slot];
                    if (columnStamp[t] != a) {
                        columnStamp[t] = a;
                        columnIndex[t] = columns[a]++;
                    }
                    initialColumn[slot] = columnIndex[t];
                }
            }
            int excitatory = 0;
            for (double x : w) {
                if (Invariants.excitatory(x)) {
                    excitatory++;
                }
            }
            excitatoryFraction = m == 0 ? 1.0 : (double) excitatory / m;
        }

        /** A plan whose swap blocks are their own adjacency groups. */
        Plan(SignedDigraph g, long[] blockKey, LongPredicate crossPosition, SignMode signs) {
            this(g, blockKey, blockKey, crossPosition, signs);
        }

        private static long[] distinctSorted(long[] keys) {
            return Arrays.stream(keys).sorted().distinct().toArray();
        }

        int blockCount() {
            return blockStart.length - 1;
        }
    }

    private final Plan plan;
    private final SplittableRandom rng;
    private final SplittableRandom signRng;
    private final int[] target;
    private final int[] column;
    private final PairSet[] adjacency;
    private long trials;
    private long accepted;
    private SignedDigraph current;

    BlockSwapChain(Plan plan, SplittableRandom rng) {
        this.plan = plan;
        this.rng = rng;
        this.signRng = rng.split();
        this.target = plan.initialTarget.clone();
        this.column = plan.initialColumn.clone();
        this.adjacency = new PairSet[plan.rows.length];
        for (int a = 0; a < adjacency.length; a++) {
            adjacency[a] = new PairSet(plan.rows[a], plan.columns[a], plan.edges[a]);
        }
        for (int b = 0; b < plan.blockCount(); b++) {
            for (int slot = plan.blockStart[b]; slot < plan.blockStart[b + 1]; slot++) {
                adjacency[plan.adjacencyOf[b]].add(plan.row[slot], column[slot]);
            }
        }
        this.current = plan.observed;
    }

    @Override
    public void advance(double sweeps) {
        if (!(sweeps >= 0) || Double.isInfinite(sweeps)) {
            throw new IllegalArgumentException("sweeps must be finite and >= 0: " + sweeps);
        }
        for (int b = 0; b < plan.blockCount(); b++) {
            int start = plan.blockStart[b];
            int k = plan.blockStart[b + 1] - start;
            if (k >= 2) {
                swapInBlock(adjacency[plan.adjacencyOf[b]], start, k, plan.crossPosition[b], Math.round(sweeps * k));
            }
        }
        current = null;
    }

    private void swapInBlock(PairSet set, int start, int k, boolean crossPosition, long blockTrials) {
        int[] src = plan.source;
        int[] row = plan.row;
        int[] pos = plan.observed.rawPositions();
        long ok = 0;
        for (long trial = 0; trial < blockTrials; trial++) {
            int i = start + rng.nextInt(k);
            int j = start + rng.nextInt(k - 1);
            if (j >= i) {
                j++;
            }
            int s1 = src[i];
            int t1 = target[i];
            int s2 = src[j];
            int t2 = target[j];
            if (s1 == s2 || t1 == t2 || s1 == t2 || s2 == t1) {
                continue;
            }
            if (crossPosition && (pos[s1] == pos[t2] || pos[s2] == pos[t1])) {
                continue;
            }
            int r1 = row[i];
            int r2 = row[j];
            int c1 = column[i];
            int c2 = column[j];
            if (set.contains(r1, c2) || set.contains(r2, c1)) {
                continue;
            }
            set.remove(r1, c1);
            set.remove(r2, c2);
            set.add(r1, c2);
            set.add(r2, c1);
            target[i] = t2;
            target[j] = t1;
            column[i] = c2;
            column[j] = c1;
            ok++;
        }
        trials += blockTrials;
        accepted += ok;
    }

    @Override
    public SignedDigraph current() {
        if (current == null) {
            SignedDigraph g = plan.observed;
            double[] w = EdgeSigns.assign(plan.signs, plan.weight, plan.blockStart, plan.excitatoryFraction, signRng);
            current = SignedDigraph.fromEdges(g.rawLayers(), g.rawPositions(), plan.source, target, w, w.length);
        }
        return current;
    }

    @Override
    public long trials() {
        return trials;
    }

    @Override
    public long accepted() {
        return accepted;
    }
}
