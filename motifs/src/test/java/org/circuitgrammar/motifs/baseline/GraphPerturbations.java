package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.nulls.NullSampler;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;

/**
 * Edits of real graphs that a grammar check must catch (or let through), for the corpus checks of issue 10. FFLs
 * are found on the default analysed view (the one the census counts), then the edit is applied to the file's edges.
 * Every edit is seeded and returns a new graph with the same nodes (all fields) and metadata.
 */
public final class GraphPerturbations {
    private GraphPerturbations() {
    }

    /**
     * Removes {@code fraction} of the distinct edges that close a feed-forward loop (the X→Z edge of X→Y→Z and
     * X→Z),
     * chosen uniformly at random. Returns the graph and how many edges were removed out of how many closing ones.
     */
    public static Edited withoutFflClosingEdges(AttributionGraph g, double fraction, SplittableRandom rng) {
        List<long[]> closing = new ArrayList<>();
        forEachClosingEdge(g, (x, z, coherent, incoherent) -> closing.add(new long[] {x, z}));
        int remove = (int) Math.round(fraction * closing.size());
        // partial Fisher–Yates: the first `remove` entries become a uniform sample
        for (int i = 0; i < remove; i++) {
            int j = i + rng.nextInt(closing.size() - i);
            long[] t = closing.get(i);
            closing.set(i, closing.get(j));
            closing.set(j, t);
        }
        Set<Long> gone = new HashSet<>();
        for (int i = 0; i < remove; i++) {
            gone.add(pair(closing.get(i)[0], closing.get(i)[1]));
        }
        AttributionGraph out = rebuild(g, e -> !gone.contains(pair(g.edgeSource(e), g.edgeTarget(e))),
                g::edgeWeight);
        return new Edited(out, remove, closing.size());
    }

    /**
     * Flips the sign of every edge that closes more coherent FFLs than incoherent ones (coherent: the sign of X→Z is
     * the product of the signs of X→Y and Y→Z), which turns those loops incoherent. Returns the graph and how many
     * edges were flipped out of how many closing ones.
     */
    public static Edited coherentFflsMadeIncoherent(AttributionGraph g) {
        Set<Long> flip = new HashSet<>();
        int[] closing = {0};
        forEachClosingEdge(g, (x, z, coherent, incoherent) -> {
            closing[0]++;
            if (coherent > incoherent) {
                flip.add(pair(x, z));
            }
        });
        AttributionGraph out = rebuild(g, e -> true,
                e -> flip.contains(pair(g.edgeSource(e), g.edgeTarget(e))) ? -g.edgeWeight(e) : g.edgeWeight(e));
        return new Edited(out, flip.size(), closing[0]);
    }

    /**
     * A sample of null model {@code kind} (default profile) of the default analysed view after {@code sweeps}
     * sweeps from the observed graph, with the edges outside the view (those of error nodes) kept as they were.
     */
    public static AttributionGraph nullSample(AttributionGraph g, NullKind kind, double sweeps, SplittableRandom rng) {
        AnalysedGraph view = AnalysedGraph.of(g, AnalysisOptions.DEFAULT);
        NullSampler sampler = NullEnsemble.modelFor(kind, view.graph(), EnsembleSpec.Profile.DEFAULT)
                .newSampler(rng);
        sampler.advance(sweeps);
        SignedDigraph sample = sampler.current();
        AttributionGraph.Builder b = copyNodes(g);
        for (int e = 0; e < g.edgeCount(); e++) {
            if (!inView(g, g.edgeSource(e)) || !inView(g, g.edgeTarget(e))) {
                b.addEdge(g.edgeSource(e), g.edgeTarget(e), g.edgeWeight(e));
            }
        }
        int[] off = sample.rawOutOffsets();
        int[] adj = sample.rawOutTargets();
        double[] w = sample.rawOutWeights();
        for (int s = 0; s < sample.nodeCount(); s++) {
            for (int i = off[s]; i < off[s + 1]; i++) {
                b.addEdge(view.originalNode(s), view.originalNode(adj[i]), w[i]);
            }
        }
        return b.build();
    }

    /**
     * A regeneration of the same prompt: {@code dropFraction} of the feature nodes (uniformly) left out with their
     * edges, every other weight multiplied by a factor uniform in [1 − jitter, 1 + jitter]. Node-set Jaccard with
     * the original ≈ 1 − dropFraction · features / nodes.
     */
    public static AttributionGraph regenerated(AttributionGraph g, double dropFraction, double jitter,
                                               SplittableRandom rng) {
        boolean[] dropped = new boolean[g.nodeCount()];
        for (int v = 0; v < g.nodeCount(); v++) {
            dropped[v] = g.kind(v) == NodeKind.FEATURE && rng.nextDouble() < dropFraction;
        }
        AttributionGraph.Builder b = AttributionGraph.builder(g.metadata());
        int[] index = new int[g.nodeCount()];
        for (int v = 0; v < g.nodeCount(); v++) {
            index[v] = dropped[v] ? -1 : copyNode(g, v, b);
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            int s = index[g.edgeSource(e)];
            int t = index[g.edgeTarget(e)];
            double factor = 1 + jitter * (2 * rng.nextDouble() - 1);
            if (s >= 0 && t >= 0) {
                b.addEdge(s, t, g.edgeWeight(e) * factor);
            }
        }
        return b.build();
    }

    /** An edited graph and the size of the edit. */
    public record Edited(AttributionGraph graph, int changed, int candidates) {
    }

    /** Receives one FFL-closing edge (original node indices) and how many coherent and incoherent FFLs it closes. */
    private interface ClosingEdge {
        void accept(int x, int z, int coherent, int incoherent);
    }

    private static void forEachClosingEdge(AttributionGraph g, ClosingEdge sink) {
        AnalysedGraph view = AnalysedGraph.of(g, AnalysisOptions.DEFAULT);
        SignedDigraph d = view.graph();
        int[] off = d.rawOutOffsets();
        int[] adj = d.rawOutTargets();
        double[] w = d.rawOutWeights();
        for (int x = 0; x < d.nodeCount(); x++) {
            for (int i = off[x]; i < off[x + 1]; i++) {
                int z = adj[i];
                int coherent = 0;
                int incoherent = 0;
                for (int j = off[x]; j < off[x + 1]; j++) {
                    int y = adj[j];
                    double yz = d.weight(y, z);
                    if (y == z || Double.isNaN(yz)) {
                        continue;
                    }
                    boolean sameSign = (sign(w[j]) * sign(yz)) == sign(w[i]);
                    if (sameSign) {
                        coherent++;
                    } else {
                        incoherent++;
                    }
                }
                if (coherent + incoherent > 0) {
                    sink.accept(view.originalNode(x), view.originalNode(z), coherent, incoherent);
                }
            }
        }
    }

    /** Negative iff w &lt; 0, as the census reads signs. */
    private static int sign(double w) {
        return w < 0 ? -1 : 1;
    }

    private static boolean inView(AttributionGraph g, int v) {
        return g.kind(v) != NodeKind.ERROR;
    }

    private static long pair(long s, long t) {
        return (s << 32) | t;
    }

    private static AttributionGraph rebuild(AttributionGraph g, IntPredicate keep, IntToDoubleFunction weight) {
        AttributionGraph.Builder b = copyNodes(g);
        for (int e = 0; e < g.edgeCount(); e++) {
            if (keep.test(e)) {
                b.addEdge(g.edgeSource(e), g.edgeTarget(e), weight.applyAsDouble(e));
            }
        }
        return b.build();
    }

    private static AttributionGraph.Builder copyNodes(AttributionGraph g) {
        AttributionGraph.Builder b = AttributionGraph.builder(g.metadata());
        for (int v = 0; v < g.nodeCount(); v++) {
            copyNode(g, v, b);
        }
        return b;
    }

    private static int copyNode(AttributionGraph g, int v, AttributionGraph.Builder b) {
        AttributionGraph.Builder.NodeBuilder n = b.addNode(g.nodeId(v), g.kind(v), g.layer(v), g.position(v))
                .featureType(g.featureType(v)).feature(g.feature(v)).featureIndex(g.featureIndex(v))
                .label(g.label(v)).activation(g.activation(v)).influence(g.influence(v))
                .targetLogit(g.isTargetLogit(v)).tokenProb(g.tokenProb(v)).extra(g.nodeExtra(v));
        return n.index();
    }
}
