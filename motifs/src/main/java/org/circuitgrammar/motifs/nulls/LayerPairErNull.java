package org.circuitgrammar.motifs.nulls;

import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Layer-pair Erdős–Rényi: for every (source layer, target layer) block with k observed edges, k distinct pairs drawn
 * uniformly from all (source-layer node, target-layer node) pairs, self-pairs excluded when the two layers coincide.
 * Keeps every block's edge count (so a graph whose edges all go strictly up in layer stays a DAG) and randomises the
 * degrees. Every sample is independent (no chain).
 *
 * <p>Signs: {@link SignMode#SHUFFLED} permutes each block's observed weights over its new edges (exact E/I count per
 * block); {@link SignMode#BERNOULLI} draws ±1 per edge as circuit-motifs does. Cost per sample {@code O(n + m log m)}.
 */
public final class LayerPairErNull implements NullModel {
    private final BlockSwapChain.Plan plan;     // its blocks and per-slot weights; its swap state is unused
    private final SignMode signs;
    private final int[][] sourceNodes;          // per block, the nodes of its source layer
    private final int[][] targetNodes;          // per block, the nodes of its target layer
    private final boolean[] sameLayer;

    public LayerPairErNull(SignedDigraph observed, SignMode signs) {
        if (signs != SignMode.SHUFFLED && signs != SignMode.BERNOULLI) {
            throw new IllegalArgumentException("lp-er signs are SHUFFLED or BERNOULLI, not " + signs);
        }
        long[] keys = new long[observed.edgeCount()];
        int[] off = observed.rawOutOffsets();
        int[] adj = observed.rawOutTargets();
        for (int s = 0; s < observed.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                keys[e] = LayerPairSwapNull.key(observed.layer(s), observed.layer(adj[e]), 0);
            }
        }
        this.plan = new BlockSwapChain.Plan(observed, keys, key -> false, signs);
        this.signs = signs;
        int blocks = plan.blockCount();
        sourceNodes = new int[blocks][];
        targetNodes = new int[blocks][];
        sameLayer = new boolean[blocks];
        for (int b = 0; b < blocks; b++) {
            int first = plan.blockStart[b];
            int from = observed.layer(plan.source[first]);
            int to = observed.layer(plan.initialTarget[first]);
            sourceNodes[b] = nodesOfLayer(observed, from);
            targetNodes[b] = nodesOfLayer(observed, to);
            sameLayer[b] = from == to;
        }
    }

    private static int[] nodesOfLayer(SignedDigraph g, int layer) {
        return java.util.stream.IntStream.range(0, g.nodeCount()).filter(v -> g.layer(v) == layer).toArray();
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
        for (int b = 0; b < sourceNodes.length; b++) {
            int start = plan.blockStart[b];
            int k = plan.blockStart[b + 1] - start;
            int[] from = sourceNodes[b];
            int[] to = targetNodes[b];
            int columns = sameLayer[b] ? to.length - 1 : to.length;
            long[] picks = RandomSubsets.sample((long) from.length * columns, k, rng);
            for (int i = 0; i < k; i++) {
                int u = (int) (picks[i] / columns);
                int c = (int) (picks[i] % columns);
                src[start + i] = from[u];
                dst[start + i] = sameLayer[b] && c >= u ? to[c + 1] : to[c];
            }
        }
        SignedDigraph g = plan.observed;
        double[] w = EdgeSigns.assign(signs, plan.weight, plan.blockStart, plan.excitatoryFraction, rng);
        return SignedDigraph.fromEdges(g.rawLayers(), g.rawPositions(), src, dst, w, m);
    }

    @Override
    public List<String> invariantViolations(SignedDigraph sample) {
        SignedDigraph g = observed();
        List<String> out = Invariants.nodesAndEdgeCount(g, sample);
        Invariants.sameMultiset(g, sample, "edges per layer pair", (h, s, t, w) -> List.of(h.layer(s), h.layer(t)),
                out);
        Invariants.acyclicIfLayered(g, sample, out);
        if (signs == SignMode.SHUFFLED) {
            Invariants.sameMultiset(g, sample, "signed weights per layer pair",
                    (h, s, t, w) -> List.of(h.layer(s), h.layer(t), w), out);
        }
        return out;
    }
}
