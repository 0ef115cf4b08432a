package org.circuitgrammar.motifs.nulls;

import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The directed configuration null: double-edge swaps over the whole graph that keep every node's in- and out-degree
 * and never create a self-loop or a parallel edge (igraph's {@code rewire(mode="simple")} rule: pick two edges,
 * exchange their targets, reject no-ops, self-loops and existing edges). Signed weights stay with their edge slot,
 * that is with the source (circuit-motifs meant this but lost every sign, spec §5.2).
 *
 * <p><b>It leaves the DAG.</b> Layers are ignored, so samples of a layered DAG get backward edges, mutual pairs and
 * directed cycles, and classes impossible in the observed graph get non-zero null means. Directed 2-swaps alone cannot
 * reach every directed graph with the given degrees; under {@link NullRules#CAUSAL} the chain adds three-edge
 * rotations, which reverse directed triangles, and then reaches them all (Erdős, Miklós and Toroczkai 2010; checked
 * by enumeration in the tests). Use {@link NullKind#LPC} for a null that respects the layering.
 *
 * <p>Invariants (see {@link #invariantViolations}): nodes, edge count, every node's in- and out-degree, each source's
 * multiset of out-weights. Costs: construction {@code O(n + m log m)}; a sweep {@code O(m)} trials of {@code O(1)}.
 */
public final class ConfigurationSwapNull implements NullModel {
    private final BlockSwapChain.Plan plan;

    /**
     * @param rules {@link NullRules#CAUSAL}: swaps and triangle-reversing rotations, which together reach every
     *              simple digraph with the observed degrees (positions are ignored: this null leaves the DAG anyway);
     *              {@link NullRules#ANCHOR}: swaps only, as igraph and circuit-motifs
     */
    public ConfigurationSwapNull(SignedDigraph observed, NullRules rules) {
        boolean causal = rules == NullRules.CAUSAL;
        this.plan = new BlockSwapChain.Plan(observed, new long[observed.edgeCount()], key -> CellRule.ANY,
                key -> causal, causal, SignMode.CARRIED);
    }

    @Override
    public NullKind kind() {
        return NullKind.CONFIG;
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

    @Override
    public List<String> invariantViolations(SignedDigraph sample) {
        SignedDigraph g = plan.observed;
        List<String> out = Invariants.nodesAndEdgeCount(g, sample);
        Invariants.sameMultiset(g, sample, "out-degrees", (h, s, t, w) -> List.of(s), out);
        Invariants.sameMultiset(g, sample, "in-degrees", (h, s, t, w) -> List.of(t), out);
        Invariants.sameMultiset(g, sample, "out-weights per source", (h, s, t, w) -> List.of(s, w), out);
        return out;
    }
}
