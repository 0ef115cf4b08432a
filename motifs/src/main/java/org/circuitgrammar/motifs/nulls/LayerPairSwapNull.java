package org.circuitgrammar.motifs.nulls;

import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Layer-pair configuration nulls (LPC and its signed and position-aware variants): double-edge swaps inside each
 * block of edges sharing (source layer, target layer), so every node keeps its out-degree into each target layer and
 * its in-degree from each source layer, every block keeps its edge count, and a graph whose edges all go strictly up
 * in layer stays a DAG.
 *
 * <p>Under {@link NullRules#CAUSAL} (the default profile) blocks are split further by direction in token position
 * (source position ≤ target position, or after it), every swap keeps its block's {@link CellRule}, so a causal graph's
 * samples are causal; the allowed cells of a block then form a Ferrers board, where swaps connect every realisation
 * (checked by enumeration, docs/nulls.md). Blocks whose source and target layer coincide add three-edge rotations
 * (self-loop zeros break the Ferrers shape), and lpc-sign adds sign exchanges and line trades
 * ({@link BlockSwapChain}). Under {@link NullRules#ANCHOR} the chain is circuit-motifs': plain swaps, positions ignored
 * but for lpc-position's same/cross split.
 *
 * <ul>
 *   <li>{@link #lpc}: signed weights ride with the edge slot (the source keeps its out-weights).</li>
 *   <li>{@link #signShuffle}: LPC topology, then the block's observed weights permuted over its edges (exact
 *       excitatory/inhibitory count per block), or Bernoulli ±1 in the circuit-motifs profile.</li>
 *   <li>{@link #signPreserving}: blocks split further by sign, so every node keeps its excitatory and inhibitory
 *       degrees per layer; in the circuit-motifs profile swaps mix signs and the sign stays with the source.</li>
 *   <li>{@link #positionAware}: blocks keyed by (source layer, target layer, same or cross token position); a
 *       same-position block is split by position (a swap across positions would always be rejected) and a swap in a
 *       cross-position block must not create a same-position edge.</li>
 * </ul>
 *
 * <p>Costs: construction {@code O(n + m log m)}; a sweep {@code O(m)} trials of {@code O(1)} on block bitsets.
 */
public final class LayerPairSwapNull implements NullModel {
    private static final int LAYER_BIAS = 2;                // layers from −2 (unparseable) upwards
    private static final int LAYER_BITS = 20;
    private static final int EXTRA_BITS = 24;
    private static final int FORWARD_CLASS = 0;
    private static final int BACKWARD_CLASS = 1;
    private static final int SAME_BASE = 2;

    private final NullKind kind;
    private final SignMode signs;
    private final boolean byPosition;
    private final NullRules rules;
    private final BlockSwapChain.Plan plan;

    private LayerPairSwapNull(NullKind kind, SignedDigraph g, SignMode signs, boolean byPosition, NullRules rules) {
        this.kind = kind;
        this.signs = signs;
        this.byPosition = byPosition;
        this.rules = rules;
        boolean causal = rules == NullRules.CAUSAL;
        boolean bySign = signs == SignMode.PRESERVED;
        long[] keys = new long[g.edgeCount()];
        long[] adjacencyKeys = new long[g.edgeCount()];
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        int[] pos = g.rawPositions();
        double[] w = g.rawOutWeights();
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                int t = adj[e];
                int extra = edgeClass(pos[s], pos[t], byPosition, causal);
                adjacencyKeys[e] = key(g.layer(s), g.layer(t), extra);
                if (bySign) {
                    extra = extra << 1 | (Invariants.excitatory(w[e]) ? 1 : 0);
                }
                keys[e] = key(g.layer(s), g.layer(t), extra);
            }
        }
        long extraMask = (1L << EXTRA_BITS) - 1;
        int signBits = bySign ? 1 : 0;
        // a same-position edge can never equal a cross one, but a + edge can equal a − one: signs share adjacency
        this.plan = new BlockSwapChain.Plan(g, keys, bySign ? adjacencyKeys : keys,
                key -> cellRule((int) ((key & extraMask) >>> signBits), byPosition, causal),
                key -> causal && sourceLayerOf(key) == targetLayerOf(key), causal && bySign, causal, signs);
    }

    /**
     * The class of an edge inside its layer pair, the {@code extra} of its block key. CAUSAL rules:
     * {@link #FORWARD_CLASS} or {@link #BACKWARD_CLASS}, or with positions {@code SAME_BASE + position} for a
     * same-position edge. ANCHOR rules: 0, or with positions {@code 1 + position} for a same-position edge and
     * {@link #FORWARD_CLASS} (= cross) for the rest.
     */
    private static int edgeClass(int sourcePosition, int targetPosition, boolean byPosition, boolean causal) {
        boolean same = sourcePosition == targetPosition;
        if (!causal) {
            return byPosition && same ? 1 + checkedPosition(sourcePosition) : FORWARD_CLASS;
        }
        if (byPosition && same) {
            return SAME_BASE + checkedPosition(sourcePosition);
        }
        return sourcePosition > targetPosition ? BACKWARD_CLASS : FORWARD_CLASS;
    }

    /** The {@link CellRule} of a block of edge class {@code edgeClass} (see {@link #edgeClass}). */
    private static int cellRule(int edgeClass, boolean byPosition, boolean causal) {
        if (!causal) {
            return byPosition && edgeClass == FORWARD_CLASS ? CellRule.DIFFERENT : CellRule.ANY;
        }
        if (edgeClass == BACKWARD_CLASS) {
            return CellRule.BACKWARD;
        }
        if (edgeClass == FORWARD_CLASS) {
            return byPosition ? CellRule.FORWARD : CellRule.FORWARD_OR_SAME;
        }
        return CellRule.ANY;            // one position: the block split keeps it
    }

    private static long sourceLayerOf(long key) {
        return key >>> (LAYER_BITS + EXTRA_BITS);
    }

    private static long targetLayerOf(long key) {
        return (key >>> EXTRA_BITS) & ((1L << LAYER_BITS) - 1);
    }

    /** Plain LPC: swaps inside (source layer, target layer) blocks, weights carried by the edge slot. */
    public static LayerPairSwapNull lpc(SignedDigraph g, NullRules rules) {
        return new LayerPairSwapNull(NullKind.LPC, g, SignMode.CARRIED, false, rules);
    }

    /** LPC with signs reassigned per sample: {@link SignMode#SHUFFLED} (exact per block) or {@link SignMode#BERNOULLI}.
     */
    public static LayerPairSwapNull signShuffle(SignedDigraph g, SignMode signs, NullRules rules) {
        if (signs != SignMode.SHUFFLED && signs != SignMode.BERNOULLI) {
            throw new IllegalArgumentException("lpc-shuffle signs are SHUFFLED or BERNOULLI, not " + signs);
        }
        return new LayerPairSwapNull(NullKind.LPC_SHUFFLE, g, signs, false, rules);
    }

    /** LPC with signs kept on edges: {@link SignMode#PRESERVED} (same-sign swaps) or {@link SignMode#CARRIED}. */
    public static LayerPairSwapNull signPreserving(SignedDigraph g, SignMode signs, NullRules rules) {
        if (signs != SignMode.PRESERVED && signs != SignMode.CARRIED) {
            throw new IllegalArgumentException("lpc-sign signs are PRESERVED or CARRIED, not " + signs);
        }
        return new LayerPairSwapNull(NullKind.LPC_SIGN, g, signs, false, rules);
    }

    /** LPC over blocks keyed also by same or cross token position; weights carried by the edge slot. */
    public static LayerPairSwapNull positionAware(SignedDigraph g, NullRules rules) {
        return new LayerPairSwapNull(NullKind.LPC_POSITION, g, SignMode.CARRIED, true, rules);
    }

    /** Packs (source layer, target layer, extra) into a block key; layers must lie in [−2, 2^20 − 3]. */
    static long key(int sourceLayer, int targetLayer, int extra) {
        return (checkedLayer(sourceLayer) << (LAYER_BITS + EXTRA_BITS)) | (checkedLayer(targetLayer) << EXTRA_BITS)
                | extra;
    }

    private static long checkedLayer(int layer) {
        long biased = (long) layer + LAYER_BIAS;
        if (biased < 0 || biased >= 1L << LAYER_BITS) {
            throw new IllegalArgumentException("layer out of range for layer-pair blocks: " + layer);
        }
        return biased;
    }

    private static int checkedPosition(int position) {
        if (position < 0 || position >= (1 << (EXTRA_BITS - 2)) - SAME_BASE) {
            throw new IllegalArgumentException("token position out of range for position blocks: " + position);
        }
        return position;
    }

    @Override
    public NullKind kind() {
        return kind;
    }

    @Override
    public SignedDigraph observed() {
        return plan.observed;
    }

    @Override
    public boolean isMarkovChain() {
        return true;
    }

    @Override
    public NullSampler newSampler(SplittableRandom rng) {
        return new BlockSwapChain(plan, rng);
    }

    /** Number of blocks (including those with fewer than two edges, which never change). */
    public int blockCount() {
        return plan.blockCount();
    }

    @Override
    public List<String> invariantViolations(SignedDigraph sample) {
        SignedDigraph g = plan.observed;
        List<String> out = Invariants.nodesAndEdgeCount(g, sample);
        Invariants.sameMultiset(g, sample, "out-degree per target layer",
                (h, s, t, w) -> List.of(s, h.layer(t)), out);
        Invariants.sameMultiset(g, sample, "in-degree per source layer",
                (h, s, t, w) -> List.of(t, h.layer(s)), out);
        Invariants.acyclicIfLayered(g, sample, out);
        if (rules == NullRules.CAUSAL) {
            Invariants.keepsBackwardEdges(g, sample, out);
            Invariants.sameMultiset(g, sample, "out-degree per target layer and direction in position",
                    (h, s, t, w) -> List.of(s, h.layer(t), h.position(s) > h.position(t)), out);
            Invariants.sameMultiset(g, sample, "in-degree per source layer and direction in position",
                    (h, s, t, w) -> List.of(t, h.layer(s), h.position(s) > h.position(t)), out);
        }
        switch (signs) {
            case CARRIED:
                Invariants.sameMultiset(g, sample, "out-weights per source and target layer",
                        (h, s, t, w) -> List.of(s, h.layer(t), w), out);
                break;
            case PRESERVED:
                Invariants.sameMultiset(g, sample, "signed out-degree per target layer",
                        (h, s, t, w) -> List.of(s, h.layer(t), Invariants.excitatory(w)), out);
                Invariants.sameMultiset(g, sample, "signed in-degree per source layer",
                        (h, s, t, w) -> List.of(t, h.layer(s), Invariants.excitatory(w)), out);
                break;
            case SHUFFLED:
                Invariants.sameMultiset(g, sample, "signed weights per block",
                        (h, s, t, w) -> List.of(h.layer(s), h.layer(t), w), out);
                break;
            case BERNOULLI:
                break;
            default:
                throw new AssertionError(signs);
        }
        if (byPosition) {
            Invariants.sameMultiset(g, sample, "out-degree per target layer and same/cross position",
                    (h, s, t, w) -> List.of(s, h.layer(t), h.position(s) == h.position(t)), out);
            Invariants.sameMultiset(g, sample, "in-degree per source layer and same/cross position",
                    (h, s, t, w) -> List.of(t, h.layer(s), h.position(s) == h.position(t)), out);
        }
        return out;
    }
}
