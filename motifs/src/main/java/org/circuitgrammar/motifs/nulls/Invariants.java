package org.circuitgrammar.motifs.nulls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Invariant checks the null models share. They compare multisets of per-edge features (e.g. "source and target
 * layer" for block counts, "source, target layer, sign" for signed out-degrees per block) between the observed graph
 * and a sample, with hash maps: slow and obvious on purpose, for tests and audits, never in a sampling loop.
 */
final class Invariants {
    /** A feature of one edge; the multiset of features over all edges is what a null keeps. */
    @FunctionalInterface
    interface EdgeFeature {
        List<Object> of(SignedDigraph g, int source, int target, double weight);
    }

    private Invariants() {
    }

    /** Nodes (count, layers, positions) and edge count must be kept by every null. */
    static List<String> nodesAndEdgeCount(SignedDigraph observed, SignedDigraph sample) {
        List<String> out = new ArrayList<>();
        if (observed.nodeCount() != sample.nodeCount()) {
            out.add("node count " + sample.nodeCount() + " != " + observed.nodeCount());
            return out;
        }
        if (!Arrays.equals(observed.rawLayers(), sample.rawLayers())) {
            out.add("node layers changed");
        }
        if (!Arrays.equals(observed.rawPositions(), sample.rawPositions())) {
            out.add("node positions changed");
        }
        if (observed.edgeCount() != sample.edgeCount()) {
            out.add("edge count " + sample.edgeCount() + " != " + observed.edgeCount());
        }
        return out;
    }

    /** Adds a line to {@code out} unless both graphs have the same multiset of {@code feature} over their edges. */
    static void sameMultiset(SignedDigraph observed, SignedDigraph sample, String what, EdgeFeature feature,
                             List<String> out) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        tally(observed, feature, counts, 1);
        tally(sample, feature, counts, -1);
        counts.values().removeIf(c -> c == 0);
        if (!counts.isEmpty()) {
            Map.Entry<List<Object>, Integer> first = counts.entrySet().iterator().next();
            out.add(what + " not kept: " + counts.size() + " differences, e.g. " + first.getKey()
                    + (first.getValue() > 0 ? " lost " : " gained ") + Math.abs(first.getValue()));
        }
    }

    /** Adds a line if the observed graph had every edge strictly up in layer and the sample has a directed cycle. */
    static void acyclicIfLayered(SignedDigraph observed, SignedDigraph sample, List<String> out) {
        if (isStrictlyLayered(observed) && !sample.isAcyclic()) {
            out.add("the observed graph is a layered DAG but the sample has a directed cycle");
        }
    }

    /**
     * Adds a line if the sample has a different number of edges that go back in token position (source position
     * after target position) than the observed graph: for a causal observed graph, names the first such edge.
     */
    static void keepsBackwardEdges(SignedDigraph observed, SignedDigraph sample, List<String> out) {
        int expected = backwardEdges(observed, null);
        StringBuilder first = new StringBuilder();
        int found = backwardEdges(sample, first);
        if (found != expected) {
            out.add(expected == 0 ? "the observed graph is causal but the sample has " + found
                    + " edge(s) that go back in token position, e.g. " + first
                    : "edges that go back in token position: " + found + " != " + expected);
        }
    }

    /** The number of edges whose source position is after the target's; the first one is appended to {@code first}. */
    private static int backwardEdges(SignedDigraph g, StringBuilder first) {
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        int count = 0;
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                if (g.position(s) > g.position(adj[e])) {
                    if (count++ == 0 && first != null) {
                        first.append(s).append("→").append(adj[e]).append(" (position ").append(g.position(s))
                                .append(" > ").append(g.position(adj[e])).append(')');
                    }
                }
            }
        }
        return count;
    }

    /** True iff every edge goes from a lower to a strictly higher layer (which makes the graph a DAG). */
    static boolean isStrictlyLayered(SignedDigraph g) {
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                if (g.layer(adj[e]) <= g.layer(s)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void tally(SignedDigraph g, EdgeFeature feature, Map<List<Object>, Integer> counts, int delta) {
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        double[] w = g.rawOutWeights();
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = off[s]; e < off[s + 1]; e++) {
                counts.merge(Objects.requireNonNull(feature.of(g, s, adj[e], w[e])), delta, Integer::sum);
            }
        }
    }

    /** The sign of a weight as circuit-motifs reads it: zero counts as excitatory. */
    static boolean excitatory(double weight) {
        return weight >= 0;
    }
}
