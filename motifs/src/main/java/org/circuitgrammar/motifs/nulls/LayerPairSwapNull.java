package org.circuitgrammar.motifs.nulls;

import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Layer-pair configuration nulls (LPC and its signed and position-aware variants): double-edge swaps inside each
 * block of edges sharing (source layer, target layer), so every node keeps its out-degree into each target layer and
 * its in-degree from each source layer, every block keeps its edge count, and a graph whose edges all go strictly up
 * in layer stays a DAG. Inside one block the graph is bipartite, where 2-swaps reach every realisation.
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
    private static final int CROSS = 0;

    private final NullKind kind;
    private final SignMode signs;
    private final boolean byPosition;
    private final BlockSwapChain.Plan plan;

    private LayerPairSwapNull(NullKind kind, SignedDigraph g, SignMode signs, boolean byPosition) {
        this.kind = kind;
        this.signs = signs;
        this.byPosition = byPosition;
        boolean bySign = signs == SignMode.PRESERVED;
        long[] keys = new long[g.edgeCount()];
        long[] adjacencyKeys = new long[g.edgeCount()];
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        double[] w = g.rawOutWeights();
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                int t = adj[e];
                adjacencyKeys[e] = key(g.layer(s), g.layer(t), 0);
                int extra = 0;
                if (byPosition) {
                    extra = g.position(s) == g.position(t) ? 1 + checkedPosition(g.position(s)) : CROSS;
                }
                if (bySign) {
                    extra = extra << 1 | (Invariants.excitatory(w[e]) ? 1 : 0);
                }
                keys[e] = key(g.layer(s), g.layer(t), extra);
            }
        }
        long extraMask = (1L << EXTRA_BITS) - 1;
        // a same-position edge can never equal a cross one, but a + edge can equal a − one: signs share adjacency
        this.plan = new BlockSwapChain.Plan(g, keys, bySign ? adjacencyKeys : keys,
                key -> byPosition && ((key & extraMask) >>> (bySign ? 1 : 0)) == CROSS, signs);
    }

    /** Plain LPC: swaps inside (source layer, target layer) blocks, weights carried by the edge slot. */
    public static LayerPairSwapNull lpc(SignedDigraph g) {
        return new LayerPairSwapNull(NullKind.LPC, g, SignMode.CARRIED, false);
    }

    /** LPC with signs reassigned per sample: {@link SignMode#SHUFFLED} (exact per block) or {@link SignMode#BERNOULLI}. */
    public static LayerPairSwapNull signShuffle(SignedDigraph g, SignMode signs) {
        if (signs != SignMode.SHUFFLED && signs != SignMode.BERNOULLI) {
            throw new IllegalArgumentException("lpc-shuffle signs are SHUFFLED or BERNOULLI, not " + signs);
        }
        return new LayerPairSwapNull(NullKind.LPC_SHUFFLE, g, signs, false);
    }

    /** LPC with signs kept on edges: {@link SignMode#PRESERVED} (same-sign swaps) or {@link SignMode#CARRIED}. */
    public static LayerPairSwapNull signPreserving(SignedDigraph g, SignMode signs) {
        if (signs != SignMode.PRESERVED && signs != SignMode.CARRIED) {
            throw new IllegalArgumentException("lpc-sign signs are PRESERVED or CARRIED, not " + signs);
        }
        return new LayerPairSwapNull(NullKind.LPC_SIGN, g, signs, false);
    }

    /** LPC over blocks keyed also by same or cross token position; weights carried by the edge slot. */
    public static LayerPairSwapNull positionAware(SignedDigraph g) {
        return new LayerPairSwapNull(NullKind.LPC_POSITION, g, SignMode.CARRIED, true);
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
        if (position < 0 || position >= (1 << (EXTRA_BITS - 2)) - 1) {
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
