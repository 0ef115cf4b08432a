package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import java.util.function.LongToIntFunction;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The edge-swap chain shared by the configuration and layer-pair configuration nulls. Edges are grouped into blocks
 * by a key; each block has a {@link CellRule} on the token positions of the cells it may fill. Three kinds of trial,
 * each a symmetric proposal (so the stationary distribution is uniform over the simple graphs the chain can reach):
 * <ul>
 *   <li><b>swap</b>: two distinct edges (s1→t1), (s2→t2) of one block, picked uniformly, exchange targets, giving
 *       (s1→t2), (s2→t1), unless that is a no-op (s1 = s2 or t1 = t2), makes a self-loop, makes an edge the group
 *       already has, or fills a cell the block's rule forbids;</li>
 *   <li><b>sign exchange</b> (lpc-sign, {@link SignMode#PRESERVED}): when both target cells of a swap hold edges of the
 *       other sign that form the reverse swap (an alternating square), the four edges exchange targets together: the
 *       square's signs flip and every node keeps its signed degrees;</li>
 *   <li><b>rotation</b> (blocks whose sources and targets overlap, e.g. the configuration null): three distinct edges
 *       (s1→t1), (s2→t2), (s3→t3), picked uniformly in order, become (s1→t2), (s2→t3), (s3→t1) under the same checks;
 *       it reverses directed triangles, which no swap can.</li>
 * </ul>
 * Every node therefore keeps its out-degree and in-degree inside every block, and the graph stays simple.
 *
 * <p>Each adjacency group (a block, or several blocks that could otherwise duplicate each other's edges, such as the
 * + and − blocks of one layer pair) has its own {@link PairSet} over group-local row and column indices, so a swap
 * check touches one small bitset (cache-resident for a real graph's (layer, layer) blocks) instead of a global hash
 * set. A sweep makes round(sweeps·k) swap trials in each block of k ≥ 2 edges, block after block, then in a block with
 * rotations round(sweeps·k·{@value #ROTATIONS_PER_SWAP}) rotation trials; blocks of fewer than two edges never change.
 *
 * <p><b>Dense blocks are swapped as holes.</b> Under the causal rules (lazy trials, no sign exchanges), a block with
 * fewer holes H (empty cells its rule allows, self-loops excluded) than edges k proposes the same swaps and rotations
 * from its holes instead: a rectangle switch of edges is one of holes, so this is the same chain on the complement,
 * with the same moves and the same uniform stationary distribution, but a swap trial is accepted with probability
 * about density² instead of (1 − density)². Such a block makes round(sweeps·H) swap trials (and a quarter as many
 * rotations) per sweep: a sweep counts the trials of the sparser side, edges or holes. Real graphs need this: nearly
 * all edges of the Qwen-shaped graph and of Dallas lie in such blocks (docs/nulls.md).
 *
 * <p>Cost: construction {@code O(n + m log m)} (a block swapped as holes lists fewer holes than it has edges); a trial
 * {@code O(1)}; {@link #current()} {@code O(n + m)}.
 */
final class BlockSwapChain implements NullSampler {
    /** Rotation trials per swap trial in a block with rotations. */
    static final double ROTATIONS_PER_SWAP = 0.25;
    /**
     * Sweeps of line trades per sweep of swaps (lpc-sign): a quarter gives the most effective samples per CPU second
     * at the default 4 sweeps per sample (docs/nulls.md, "Effective samples by schedule").
     */
    static final double LINE_TRADES_PER_SWEEP = 0.25;

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
        final int[] cellRule;              // per swap block, a CellRule code
        final boolean[] rotations;         // per swap block: rotation trials too
        final boolean signExchange;        // sign exchanges between the + and − blocks of each adjacency group
        final boolean lazy;                // a swap trial may pick one slot twice (a no-op): no periodic chains
        final boolean[] negativeBlock;     // per swap block: its weights are negative (meaningful with signExchange)
        final int[] rows;                  // per adjacency group
        final int[] columns;
        final int[] edges;
        final int[] groupRule;             // per adjacency group, the CellRule of its blocks
        final int[][] rowNode;             // per adjacency group: node of each local row
        final int[][] columnNode;          // ... and of each local column
        final boolean[] holeForm;          // per swap block: its moves are proposed from its holes (a dense block)
        final int[] holeStart;             // holes of block b: [holeStart[b], holeStart[b+1]), none unless holeForm
        final int[] holeRow;               // per hole, its local row: fixed, as a slot's source is
        final int[] initialHoleColumn;
        final double[] logFactorial;       // up to the longest row or column of a group with sign exchanges
        final double excitatoryFraction;
        final PairSet[] initialAdjacency;  // per adjacency group, its cells in the observed graph (chains copy them)
        final PairSet[] initialNegativeCells;  // per group with sign exchanges: the cells holding − edges
        final CellSlots[] initialSlotAt;       // per group with sign exchanges or holes: the slot in each occupied cell

        /**
         * @param swapKey      per CSR edge of {@code g} (the order of {@link SignedDigraph#rawOutTargets()}), its
         *                     swap block: a trial moves edges of one block
         * @param adjacencyKey per CSR edge, its adjacency group, coarser than (or equal to) the swap block:
         *                     swapped-in edges are checked against every edge of the group (e.g. the + and − blocks of
         *                     one layer pair share one group, so a swap never duplicates an edge of the other sign)
         * @param cellRule     per swap key, the {@link CellRule} every edge of the block must keep
         * @param rotations    per swap key, whether the block also gets rotation trials
         * @param signExchange whether swaps blocked by an alternating square of the other sign exchange signs; then
         *                     every swap block must hold edges of one sign
         * @param lazy         whether a swap trial picks its second slot among all k (so with probability 1/k the
         *                     same slot, a no-op) rather than among the other k − 1: without it a block whose only
         *                     legal move is one swap toggles on every trial and, after an even number of trials, is
         *                     always back where it started (the anchor's chain, kept for it, has this flaw)
         */
        Plan(SignedDigraph g, long[] swapKey, long[] adjacencyKey, LongToIntFunction cellRule,
             LongPredicate rotations, boolean signExchange, boolean lazy, SignMode signs) {
            this.observed = g;
            this.signs = signs;
            this.signExchange = signExchange;
            this.lazy = lazy;
            if (signExchange && !lazy) {
                throw new IllegalArgumentException("sign exchanges come with lazy trials");
            }
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
            this.cellRule = new int[blocks];
            this.rotations = new boolean[blocks];
            this.negativeBlock = new boolean[blocks];
            for (int b = 0; b < blocks; b++) {
                this.cellRule[b] = cellRule.applyAsInt(swapKeys[b]);
                this.rotations[b] = rotations.test(swapKeys[b]);
                this.negativeBlock[b] = !Invariants.excitatory(weight[blockStart[b]]);
                for (int slot = blockStart[b]; signExchange && slot < blockStart[b + 1]; slot++) {
                    if (Invariants.excitatory(weight[slot]) == negativeBlock[b]) {
                        throw new IllegalArgumentException("sign exchanges need one sign per swap block");
                    }
                }
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
            groupRule = new int[groups];
            Arrays.fill(groupRule, -1);
            for (int b = 0; b < blocks; b++) {
                int a = adjacencyOf[b];
                if (groupRule[a] >= 0 && groupRule[a] != this.cellRule[b]) {
                    throw new IllegalArgumentException("the blocks of one adjacency group need one cell rule");
                }
                groupRule[a] = this.cellRule[b];
            }
            rowNode = new int[groups][];
            columnNode = new int[groups][];
            int longest = 1;
            for (int a = 0; a < groups; a++) {
                rowNode[a] = new int[rows[a]];
                columnNode[a] = new int[columns[a]];
                longest = Math.max(longest, Math.max(rows[a], columns[a]));
            }
            for (int b = 0; b < blocks; b++) {
                for (int slot = blockStart[b]; slot < blockStart[b + 1]; slot++) {
                    rowNode[adjacencyOf[b]][row[slot]] = source[slot];
                    columnNode[adjacencyOf[b]][initialColumn[slot]] = initialTarget[slot];
                }
            }
            logFactorial = new double[signExchange ? longest + 1 : 0];
            for (int i = 2; i < logFactorial.length; i++) {
                logFactorial[i] = logFactorial[i - 1] + Math.log(i);
            }
            int excitatory = 0;
            for (double x : w) {
                if (Invariants.excitatory(x)) {
                    excitatory++;
                }
            }
            excitatoryFraction = m == 0 ? 1.0 : (double) excitatory / m;
            initialAdjacency = new PairSet[groups];
            initialNegativeCells = signExchange ? new PairSet[groups] : null;
            initialSlotAt = new CellSlots[groups];
            for (int a = 0; a < groups; a++) {
                initialAdjacency[a] = new PairSet(rows[a], columns[a], edges[a]);
                if (signExchange) {
                    initialNegativeCells[a] = new PairSet(rows[a], columns[a], edges[a]);
                    initialSlotAt[a] = new CellSlots(rows[a], columns[a], edges[a]);
                }
            }
            for (int b = 0; b < blocks; b++) {
                int a = adjacencyOf[b];
                for (int slot = blockStart[b]; slot < blockStart[b + 1]; slot++) {
                    initialAdjacency[a].add(row[slot], initialColumn[slot]);
                    if (signExchange) {
                        initialSlotAt[a].put(row[slot], initialColumn[slot], slot);
                        if (negativeBlock[b]) {
                            initialNegativeCells[a].add(row[slot], initialColumn[slot]);
                        }
                    }
                }
            }
            holeForm = new boolean[blocks];
            holeStart = new int[blocks + 1];
            AllowedCells[] allowed = new AllowedCells[blocks];
            boolean[] nodeScratch = new boolean[n];
            for (int b = 0; b < blocks; b++) {
                int a = adjacencyOf[b];
                int k = blockStart[b + 1] - blockStart[b];
                // plain swaps only: lpc-sign's + and − blocks share their group's empty cells
                if (lazy && !signExchange) {
                    allowed[b] = new AllowedCells(rowNode[a], columnNode[a], g.rawPositions(), this.cellRule[b]);
                    long holes = allowed[b].count(nodeScratch) - k;
                    if (holes < 0) {
                        throw edgeInForbiddenCell(b);
                    }
                    holeForm[b] = holes < k;
                    holeStart[b + 1] = holeForm[b] ? (int) holes : 0;
                }
                holeStart[b + 1] += holeStart[b];
            }
            holeRow = new int[holeStart[blocks]];
            initialHoleColumn = new int[holeStart[blocks]];
            for (int b = 0; b < blocks; b++) {
                if (holeForm[b]) {
                    fillHoles(b, allowed[b]);
                }
            }
        }

        /** Lists the empty allowed cells of hole-form block {@code b} and records which slot fills each edge's cell. */
        private void fillHoles(int b, AllowedCells allowed) {
            int a = adjacencyOf[b];
            initialSlotAt[a] = new CellSlots(rows[a], columns[a], edges[a]);
            for (int slot = blockStart[b]; slot < blockStart[b + 1]; slot++) {
                initialSlotAt[a].put(row[slot], initialColumn[slot], slot);
            }
            PairSet cells = initialAdjacency[a];
            int[] next = {holeStart[b]};
            allowed.forEach((r, c) -> {
                if (!cells.contains(r, c)) {
                    if (next[0] == holeStart[b + 1]) {
                        throw edgeInForbiddenCell(b);   // more empty allowed cells than counted
                    }
                    holeRow[next[0]] = r;
                    initialHoleColumn[next[0]++] = c;
                }
            });
        }

        private static IllegalStateException edgeInForbiddenCell(int block) {
            return new IllegalStateException("swap block " + block + " has an edge in a cell its rule forbids");
        }

        /** A plan of plain swaps whose swap blocks are their own adjacency groups. */
        Plan(SignedDigraph g, long[] blockKey, LongToIntFunction cellRule, LongPredicate rotations, boolean lazy,
             SignMode signs) {
            this(g, blockKey, blockKey, cellRule, rotations, false, lazy, signs);
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
    private final int[] holeColumn;            // per hole of a hole-form block, its local column
    private final int[] triple = new int[3];   // the slots (or holes) of a rotation trial
    private final PairSet[] adjacency;
    private final PairSet[] negativeCells;     // per group with sign exchanges: the cells holding − edges
    private final CellSlots[] slotAt;          // per group with sign exchanges or holes: the slot in each occupied cell
    private final LineTrade trade;             // scratch of the line trades (lpc-sign), or null
    private long trials;
    private long accepted;
    private SignedDigraph current;

    /** A chain at the observed graph: copies of the plan's initial state, so a new chain costs array copies. */
    BlockSwapChain(Plan plan, SplittableRandom rng) {
        this.plan = plan;
        this.rng = rng;
        this.signRng = rng.split();
        this.target = plan.initialTarget.clone();
        this.column = plan.initialColumn.clone();
        this.holeColumn = plan.initialHoleColumn.clone();
        int groups = plan.rows.length;
        this.adjacency = new PairSet[groups];
        this.negativeCells = plan.signExchange ? new PairSet[groups] : null;
        this.slotAt = new CellSlots[groups];
        for (int a = 0; a < groups; a++) {
            adjacency[a] = plan.initialAdjacency[a].copy();
            if (plan.signExchange) {
                negativeCells[a] = plan.initialNegativeCells[a].copy();
            }
            if (plan.initialSlotAt[a] != null) {
                slotAt[a] = plan.initialSlotAt[a].copy();
            }
        }
        this.trade = plan.signExchange ? new LineTrade(plan.logFactorial.length - 1) : null;
        this.current = plan.observed;
    }

    @Override
    public void advance(double sweeps) {
        if (!(sweeps >= 0) || Double.isInfinite(sweeps)) {
            throw new IllegalArgumentException("sweeps must be finite and >= 0: " + sweeps);
        }
        swapSweeps(sweeps);
        if (trade != null && sweeps > 0) {
            lineTrades(sweeps * LINE_TRADES_PER_SWEEP);
        }
    }

    /** The swap, sign-exchange and rotation trials of {@code sweeps} sweeps, block after block. */
    void swapSweeps(double sweeps) {
        for (int b = 0; b < plan.blockCount(); b++) {
            if (plan.holeForm[b]) {
                int start = plan.holeStart[b];
                int h = plan.holeStart[b + 1] - start;
                if (h >= 2) {
                    swapHolesInBlock(plan.adjacencyOf[b], start, h, Math.round(sweeps * h));
                }
                if (plan.rotations[b] && h >= 3) {
                    rotateHolesInBlock(plan.adjacencyOf[b], start, h, Math.round(sweeps * h * ROTATIONS_PER_SWAP));
                }
                continue;
            }
            int start = plan.blockStart[b];
            int k = plan.blockStart[b + 1] - start;
            if (k < 2) {
                continue;
            }
            int a = plan.adjacencyOf[b];
            long swaps = Math.round(sweeps * k);
            if (plan.signExchange) {
                swapOrExchangeInBlock(a, start, k, plan.cellRule[b], plan.negativeBlock[b], swaps);
            } else {
                swapInBlock(adjacency[a], start, k, plan.cellRule[b], swaps);
            }
            if (plan.rotations[b] && k >= 3) {
                rotateInBlock(a, start, k, plan.cellRule[b], plan.negativeBlock[b],
                        Math.round(sweeps * k * ROTATIONS_PER_SWAP));
            }
        }
        current = null;
    }

    /**
     * The line trades of {@code sweeps} sweeps (groups with sign exchanges only): per group at least one, and about
     * sweeps·k/columns row trades and sweeps·k/rows column trades, so each direction reads about sweeps·k cells.
     */
    void lineTrades(double sweeps) {
        for (int a = 0; a < plan.rows.length; a++) {
            for (long t = Math.max(1, Math.round(sweeps * plan.edges[a] / plan.columns[a])); t > 0; t--) {
                trade.run(a, true);
            }
            for (long t = Math.max(1, Math.round(sweeps * plan.edges[a] / plan.rows[a])); t > 0; t--) {
                trade.run(a, false);
            }
        }
        current = null;
    }

    /**
     * Plain swap trials in one block (the hot loop of every swap null but lpc-sign). Most trials are rejected, for
     * reasons that vary unpredictably from trial to trial, so the reasons are combined without branches and only
     * the rare acceptance branches.
     */
    private void swapInBlock(PairSet set, int start, int k, int rule, long blockTrials) {
        int[] src = plan.source;
        int[] row = plan.row;
        int[] pos = plan.observed.rawPositions();
        int orders = CellRule.orderMask(rule);
        boolean lazy = plan.lazy;
        long ok = 0;
        for (long trial = 0; trial < blockTrials; trial++) {
            long bits = rng.nextLong();                         // both indices from one draw
            int i = start + boundedIndex((int) (bits >>> 32), k);
            int j;
            if (lazy) {
                j = start + boundedIndex((int) bits, k);        // j == i is the lazy no-op: s1 == s2 rejects it
            } else {
                j = start + boundedIndex((int) bits, k - 1);
                j += j >= i ? 1 : 0;
            }
            int s1 = src[i];
            int t1 = target[i];
            int s2 = src[j];
            int t2 = target[j];
            int r1 = row[i];
            int r2 = row[j];
            int c1 = column[i];
            int c2 = column[j];
            int cells = orders >> CellRule.order(pos[s1], pos[t2]) & orders >> CellRule.order(pos[s2], pos[t1]) & 1;
            boolean rejected = s1 == s2 | t1 == t2 | s1 == t2 | s2 == t1 | cells == 0
                    | set.contains(r1, c2) | set.contains(r2, c1);
            if (rejected) {
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

    /**
     * Swap trials in one single-sign block of a group with sign exchanges: a swap into two empty cells is made as
     * usual; a swap whose two target cells both hold edges of the other sign, (s1→t2) and (s2→t1), is an alternating
     * square, and the four edges exchange targets together (its reverse is the same trial on the same two slots).
     */
    private void swapOrExchangeInBlock(int group, int start, int k, int rule, boolean negative, long blockTrials) {
        PairSet set = adjacency[group];
        PairSet minus = negativeCells[group];
        CellSlots slots = slotAt[group];
        int[] src = plan.source;
        int[] row = plan.row;
        int[] pos = plan.observed.rawPositions();
        long ok = 0;
        for (long trial = 0; trial < blockTrials; trial++) {
            long bits = rng.nextLong();                         // lazy: j == i is a no-op
            int i = start + boundedIndex((int) (bits >>> 32), k);
            int j = start + boundedIndex((int) bits, k);
            if (j == i) {
                continue;
            }
            int s1 = src[i];
            int t1 = target[i];
            int s2 = src[j];
            int t2 = target[j];
            if (s1 == s2 || t1 == t2 || s1 == t2 || s2 == t1
                    || !CellRule.allows(rule, pos[s1], pos[t2]) || !CellRule.allows(rule, pos[s2], pos[t1])) {
                continue;
            }
            int r1 = row[i];
            int r2 = row[j];
            int c1 = column[i];
            int c2 = column[j];
            boolean filled12 = set.contains(r1, c2);
            boolean filled21 = set.contains(r2, c1);
            if (!filled12 && !filled21) {
                set.remove(r1, c1);
                set.remove(r2, c2);
                set.add(r1, c2);
                set.add(r2, c1);
                slots.remove(r1, c1);
                slots.remove(r2, c2);
                if (negative) {
                    minus.remove(r1, c1);
                    minus.remove(r2, c2);
                    minus.add(r1, c2);
                    minus.add(r2, c1);
                }
            } else if (filled12 && filled21 && minus.contains(r1, c2) != negative
                    && minus.contains(r2, c1) != negative) {
                int x = slots.get(r1, c2);                      // the other sign's square: (s1→t2) and (s2→t1)
                int y = slots.get(r2, c1);
                target[x] = t1;
                column[x] = c1;
                target[y] = t2;
                column[y] = c2;
                slots.put(r1, c1, x);
                slots.put(r2, c2, y);
                if (negative) {             // i, j negative move to (r1,c2), (r2,c1); x, y positive to the others
                    minus.remove(r1, c1);
                    minus.remove(r2, c2);
                    minus.add(r1, c2);
                    minus.add(r2, c1);
                } else {
                    minus.remove(r1, c2);
                    minus.remove(r2, c1);
                    minus.add(r1, c1);
                    minus.add(r2, c2);
                }
            } else {
                continue;
            }
            slots.put(r1, c2, i);
            slots.put(r2, c1, j);
            target[i] = t2;
            target[j] = t1;
            column[i] = c2;
            column[j] = c1;
            ok++;
        }
        trials += blockTrials;
        accepted += ok;
    }

    /**
     * Rotation trials in one block: slots i, j, l picked uniformly as an ordered triple of distinct slots; their
     * edges (s1→t1), (s2→t2), (s3→t3) become (s1→t2), (s2→t3), (s3→t1) if none of these exists, none is a self-loop
     * and the block's rule allows all three. The reverse is the rotation of (i, l, j), equally likely.
     */
    private void rotateInBlock(int group, int start, int k, int rule, boolean negative, long blockTrials) {
        PairSet set = adjacency[group];
        int[] src = plan.source;
        int[] row = plan.row;
        int[] pos = plan.observed.rawPositions();
        long ok = 0;
        for (long trial = 0; trial < blockTrials; trial++) {
            drawTriple(start, k);
            int i = triple[0];
            int j = triple[1];
            int l = triple[2];
            int s1 = src[i];
            int s2 = src[j];
            int s3 = src[l];
            int t1 = target[i];
            int t2 = target[j];
            int t3 = target[l];
            if (s1 == t2 || s2 == t3 || s3 == t1 || !CellRule.allows(rule, pos[s1], pos[t2])
                    || !CellRule.allows(rule, pos[s2], pos[t3]) || !CellRule.allows(rule, pos[s3], pos[t1])) {
                continue;
            }
            int r1 = row[i];
            int r2 = row[j];
            int r3 = row[l];
            int c1 = column[i];
            int c2 = column[j];
            int c3 = column[l];
            // an existing target edge also rules out repeated sources or targets among the three
            if (set.contains(r1, c2) || set.contains(r2, c3) || set.contains(r3, c1)) {
                continue;
            }
            set.remove(r1, c1);
            set.remove(r2, c2);
            set.remove(r3, c3);
            set.add(r1, c2);
            set.add(r2, c3);
            set.add(r3, c1);
            if (plan.signExchange) {
                slotAt[group].remove(r1, c1);
                slotAt[group].remove(r2, c2);
                slotAt[group].remove(r3, c3);
                slotAt[group].put(r1, c2, i);
                slotAt[group].put(r2, c3, j);
                slotAt[group].put(r3, c1, l);
                if (negative) {
                    PairSet minus = negativeCells[group];
                    minus.remove(r1, c1);
                    minus.remove(r2, c2);
                    minus.remove(r3, c3);
                    minus.add(r1, c2);
                    minus.add(r2, c3);
                    minus.add(r3, c1);
                }
            }
            target[i] = t2;
            target[j] = t3;
            target[l] = t1;
            column[i] = c2;
            column[j] = c3;
            column[l] = c1;
            ok++;
        }
        trials += blockTrials;
        accepted += ok;
    }

    /**
     * Swap trials in a hole-form block, proposed from its holes (a dense block's empty allowed cells): two holes
     * (a1, b1), (a2, b2), picked uniformly and lazily, whose crossing cells (a1, b2), (a2, b1) both hold edges become
     * edges, and those two cells holes. This is the edge swap of the two crossing edges (slot at (a1, b2) takes
     * target b1, slot at (a2, b1) target b2), proposed with probability 1/H² instead of 1/k², the same for the move
     * and its reverse: the chain still samples uniformly, and it reaches what edge swaps reach. Every check of an
     * edge swap holds by construction (holes are allowed, non-self-loop cells); a trial picking one hole twice, or
     * two holes in one row or column, finds a hole in a crossing cell and is rejected.
     */
    private void swapHolesInBlock(int group, int start, int h, long blockTrials) {
        PairSet set = adjacency[group];
        CellSlots slots = slotAt[group];
        int[] holeRow = plan.holeRow;
        int[] node = plan.columnNode[group];
        long ok = 0;
        for (long trial = 0; trial < blockTrials; trial++) {
            long bits = rng.nextLong();
            int i = start + boundedIndex((int) (bits >>> 32), h);
            int j = start + boundedIndex((int) bits, h);
            int a1 = holeRow[i];
            int b1 = holeColumn[i];
            int a2 = holeRow[j];
            int b2 = holeColumn[j];
            if (!(set.contains(a1, b2) & set.contains(a2, b1))) {
                continue;
            }
            int x = slots.get(a1, b2);
            int y = slots.get(a2, b1);
            moveEdge(set, slots, x, a1, b2, b1, node);
            moveEdge(set, slots, y, a2, b1, b2, node);
            holeColumn[i] = b2;
            holeColumn[j] = b1;
            ok++;
        }
        trials += blockTrials;
        accepted += ok;
    }

    /**
     * Rotation trials in a hole-form block: three holes (a1, b1), (a2, b2), (a3, b3), picked uniformly as an ordered
     * triple of distinct holes, whose cells (a1, b3), (a2, b1), (a3, b2) all hold edges, exchange places with them.
     * This is the edge rotation of those three edges (each keeps its row and takes the column of the hole in its
     * row), and its reverse is the rotation of holes ((a1, b3), (a3, b2), (a2, b1)), equally likely.
     */
    private void rotateHolesInBlock(int group, int start, int h, long blockTrials) {
        PairSet set = adjacency[group];
        CellSlots slots = slotAt[group];
        int[] holeRow = plan.holeRow;
        int[] node = plan.columnNode[group];
        long ok = 0;
        for (long trial = 0; trial < blockTrials; trial++) {
            drawTriple(start, h);
            int i = triple[0];
            int j = triple[1];
            int l = triple[2];
            int a1 = holeRow[i];
            int a2 = holeRow[j];
            int a3 = holeRow[l];
            int b1 = holeColumn[i];
            int b2 = holeColumn[j];
            int b3 = holeColumn[l];
            if (!(set.contains(a1, b3) & set.contains(a2, b1) & set.contains(a3, b2))) {
                continue;
            }
            int x = slots.get(a1, b3);
            int y = slots.get(a2, b1);
            int z = slots.get(a3, b2);
            moveEdge(set, slots, x, a1, b3, b1, node);
            moveEdge(set, slots, y, a2, b1, b2, node);
            moveEdge(set, slots, z, a3, b2, b3, node);
            holeColumn[i] = b3;
            holeColumn[j] = b1;
            holeColumn[l] = b2;
            ok++;
        }
        trials += blockTrials;
        accepted += ok;
    }

    /** Moves the edge in {@code slot} from (row, from) to the empty cell (row, to) of its group. */
    private void moveEdge(PairSet set, CellSlots slots, int slot, int row, int from, int to, int[] columnNode) {
        set.remove(row, from);
        set.add(row, to);
        slots.remove(row, from);
        slots.put(row, to, slot);
        target[slot] = columnNode[to];
        column[slot] = to;
    }

    /** Draws an ordered triple of distinct indices of {@code [start, start + k)} uniformly into {@link #triple}. */
    private void drawTriple(int start, int k) {
        int i = start + rng.nextInt(k);
        int j = start + rng.nextInt(k - 1);
        if (j >= i) {
            j++;
        }
        int l = start + rng.nextInt(k - 2);
        int low = Math.min(i, j);
        int high = Math.max(i, j);
        if (l >= low) {
            l++;
        }
        if (l >= high) {
            l++;
        }
        triple[0] = i;
        triple[1] = j;
        triple[2] = l;
    }

    /**
     * The exact heat-bath trade between two rows (or two columns) of one signed adjacency group: every other line
     * fixed, the two lines' cells are redrawn uniformly from all configurations that keep each line's + and − counts,
     * each crossing line's + and − counts, simplicity and the group's cell rule. Cells where the two lines agree, or
     * where either cell is forbidden, stay. Of the rest, a cross line holding {+, empty} (A), {−, empty} (B) or {+, −}
     * (C) can give either order; if line 1 keeps + in z of the C cells it must keep + in x = P − z of the A cells and −
     * in y = M − |C| + z of the B cells (P, M: its + and − cells among them), so z is drawn with weight
     * C(|A|, x)·C(|B|, y)·C(|C|, z) and the cells uniformly. A Gibbs step: it leaves the uniform distribution
     * invariant. Cost {@code O(line length)}. Edge slots keep their sources: a row's slot that loses its cell takes a
     * cell the row gains with the same sign.
     */
    private final class LineTrade {
        private static final byte EMPTY = 0;
        private static final byte PLUS = 1;
        private static final byte MINUS = 2;
        private final int[] index;            // positions along the line that may change
        private final byte[] old1;
        private final byte[] old2;
        private final byte[] new1;
        private final byte[] new2;
        private final int[] a;                // positions of type A, B, C
        private final int[] b;
        private final int[] c;
        private final double[] weight;
        private final int[] leavingPlus;
        private final int[] leavingMinus;

        LineTrade(int longest) {
            index = new int[longest];
            old1 = new byte[longest];
            old2 = new byte[longest];
            new1 = new byte[longest];
            new2 = new byte[longest];
            a = new int[longest];
            b = new int[longest];
            c = new int[longest];
            weight = new double[longest + 1];
            leavingPlus = new int[longest];
            leavingMinus = new int[longest];
        }

        void run(int group, boolean byRows) {
            int lines = byRows ? plan.rows[group] : plan.columns[group];
            int length = byRows ? plan.columns[group] : plan.rows[group];
            if (lines < 2) {
                return;
            }
            int l1 = rng.nextInt(lines);
            int l2 = rng.nextInt(lines - 1);
            if (l2 >= l1) {
                l2++;
            }
            int movable = 0;
            int nA = 0;
            int nB = 0;
            int nC = 0;
            int plus1 = 0;
            int minus1 = 0;
            for (int k = 0; k < length; k++) {
                byte s1 = state(group, byRows ? l1 : k, byRows ? k : l1);
                byte s2 = state(group, byRows ? l2 : k, byRows ? k : l2);
                if (s1 == s2 || !allowed(group, byRows ? l1 : k, byRows ? k : l1)
                        || !allowed(group, byRows ? l2 : k, byRows ? k : l2)) {
                    continue;
                }
                index[movable] = k;
                old1[movable] = s1;
                old2[movable] = s2;
                if (s1 != MINUS && s2 != MINUS) {
                    a[nA++] = movable;
                } else if (s1 != PLUS && s2 != PLUS) {
                    b[nB++] = movable;
                } else {
                    c[nC++] = movable;
                }
                plus1 += s1 == PLUS ? 1 : 0;
                minus1 += s1 == MINUS ? 1 : 0;
                movable++;
            }
            if (movable < 2) {
                return;
            }
            int z = drawPlusInC(nA, nB, nC, plus1, minus1);
            int x = plus1 - z;
            int y = minus1 - nC + z;
            split(a, nA, x, PLUS, EMPTY);
            split(b, nB, y, MINUS, EMPTY);
            split(c, nC, z, PLUS, MINUS);
            if (byRows) {
                applyToRow(group, l1, movable, old1, new1, index);
                applyToRow(group, l2, movable, old2, new2, index);
            } else {
                for (int i = 0; i < movable; i++) {      // row index[i]: its cells in columns l1 and l2
                    applyColumnPair(group, index[i], l1, l2, i);
                }
            }
        }

        /** z, the number of C cells where line 1 keeps +, drawn with weight C(nA, x)·C(nB, y)·C(nC, z). */
        private int drawPlusInC(int nA, int nB, int nC, int plus1, int minus1) {
            int low = Math.max(0, Math.max(plus1 - nA, nC - minus1));
            int high = Math.min(nC, Math.min(plus1, nC - minus1 + nB));
            double max = Double.NEGATIVE_INFINITY;
            for (int z = low; z <= high; z++) {
                weight[z] = logChoose(nA, plus1 - z) + logChoose(nB, minus1 - nC + z) + logChoose(nC, z);
                max = Math.max(max, weight[z]);
            }
            double total = 0;
            for (int z = low; z <= high; z++) {
                weight[z] = Math.exp(weight[z] - max);
                total += weight[z];
            }
            double u = rng.nextDouble() * total;
            for (int z = low; z < high; z++) {
                u -= weight[z];
                if (u < 0) {
                    return z;
                }
            }
            return high;
        }

        private double logChoose(int n, int k) {
            return plan.logFactorial[n] - plan.logFactorial[k] - plan.logFactorial[n - k];
        }

        /** Line 1 gets {@code first} in {@code chosen} random ones of {@code cells}, {@code second} in the rest. */
        private void split(int[] cells, int count, int chosen, byte first, byte second) {
            for (int i = 0; i < chosen; i++) {                  // partial Fisher–Yates
                int j = i + rng.nextInt(count - i);
                int t = cells[i];
                cells[i] = cells[j];
                cells[j] = t;
            }
            for (int i = 0; i < count; i++) {
                int at = cells[i];
                byte mine = i < chosen ? first : second;
                new1[at] = mine;
                new2[at] = (byte) (old1[at] + old2[at] - mine);   // the pair's other member
            }
        }

        /** Row {@code row}: cells (row, l1) and (row, l2) take new1[i] and new2[i]. */
        private void applyColumnPair(int group, int row, int l1, int l2, int i) {
            if (new1[i] == old1[i]) {
                return;
            }
            int[] columnsOfPair = {l1, l2};
            byte[] before = {old1[i], old2[i]};
            byte[] after = {new1[i], new2[i]};
            applyToRow(group, row, 2, before, after, columnsOfPair);
        }

        /**
         * Row {@code row} changes cells {@code columnsAt[i]} from {@code before[i]} to {@code after[i]}, i in
         * [0, count); the row's + and − counts over them are equal before and after.
         */
        private void applyToRow(int group, int row, int count, byte[] before, byte[] after, int[] columnsAt) {
            PairSet set = adjacency[group];
            PairSet minus = negativeCells[group];
            CellSlots slots = slotAt[group];
            int plus = 0;
            int minusCount = 0;
            for (int i = 0; i < count; i++) {
                if (before[i] != after[i] && before[i] != EMPTY) {
                    int slot = slots.get(row, columnsAt[i]);
                    if (before[i] == PLUS) {
                        leavingPlus[plus++] = slot;
                    } else {
                        leavingMinus[minusCount++] = slot;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                if (before[i] == after[i]) {
                    continue;
                }
                int col = columnsAt[i];
                if (before[i] == EMPTY) {
                    set.add(row, col);
                } else if (after[i] == EMPTY) {
                    set.remove(row, col);
                    slots.remove(row, col);
                }
                if (before[i] == MINUS) {
                    minus.remove(row, col);
                }
                if (after[i] == MINUS) {
                    minus.add(row, col);
                }
            }
            plus = 0;
            minusCount = 0;
            for (int i = 0; i < count; i++) {
                if (before[i] != after[i] && after[i] != EMPTY) {
                    int col = columnsAt[i];
                    int slot = after[i] == PLUS ? leavingPlus[plus++] : leavingMinus[minusCount++];
                    target[slot] = plan.columnNode[group][col];
                    column[slot] = col;
                    slots.put(row, col, slot);
                }
            }
        }

        private byte state(int group, int row, int col) {
            if (!adjacency[group].contains(row, col)) {
                return EMPTY;
            }
            return negativeCells[group].contains(row, col) ? MINUS : PLUS;
        }

        private boolean allowed(int group, int row, int col) {
            int s = plan.rowNode[group][row];
            int t = plan.columnNode[group][col];
            int[] pos = plan.observed.rawPositions();
            return s != t && CellRule.allows(plan.groupRule[group], pos[s], pos[t]);
        }
    }

    /**
     * A uniform index in {@code [0, bound)} from 32 random bits, by Lemire's multiply-shift with rejection (exactly
     * uniform; the redraw happens with probability below bound / 2^32).
     */
    private int boundedIndex(int random32, int bound) {
        long product = (random32 & 0xffffffffL) * bound;
        if (Integer.compareUnsigned((int) product, bound) < 0) {
            int threshold = Integer.remainderUnsigned(-bound, bound);
            while (Integer.compareUnsigned((int) product, threshold) < 0) {
                product = (rng.nextInt() & 0xffffffffL) * bound;
            }
        }
        return (int) (product >>> 32);
    }

    /** The current graph, built once per state in {@code O(n + m)} ({@link SignedDigraph#fromDistinctEdges}). */
    @Override
    public SignedDigraph current() {
        if (current == null) {
            SignedDigraph g = plan.observed;
            double[] w = EdgeSigns.assign(plan.signs, plan.weight, plan.blockStart, plan.excitatoryFraction, signRng);
            current = SignedDigraph.fromDistinctEdges(g.rawLayers(), g.rawPositions(), plan.source, target, w);
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
