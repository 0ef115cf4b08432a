package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every default-profile null samples uniformly from the whole set it documents, checked against exhaustive
 * enumeration on small graphs. The oracle enumerates every simple graph on the same nodes with m edges (and every
 * placement of the observed signs, for the signed nulls) and keeps those whose <em>signature</em> — the quantities the
 * null promises to keep, computed here from the edge list, not by the null's code — equals the observed one. The
 * chain (or direct sampler) of {@link NullEnsemble#modelFor} must then reach exactly that set, and its thinned samples
 * must pass a χ² test of uniformity at α = 0.001 per shape.
 */
class NullReachabilityTest {
    private static final double ALPHA = 0.001;

    /** One small graph for one null; {@code edges} = {s0, t0, s1, t1, ...}, negative weight where {@code signs} is −. */
    record Shape(String name, NullKind kind, int[] layer, int[] position, int[] edges, String signs) {
        SignedDigraph graph() {
            int m = edges.length / 2;
            int[] src = new int[m];
            int[] dst = new int[m];
            double[] w = new double[m];
            for (int e = 0; e < m; e++) {
                src[e] = edges[2 * e];
                dst[e] = edges[2 * e + 1];
                w[e] = signs.isEmpty() || signs.charAt(e) == '+' ? 1.0 : -1.0;
            }
            return SignedDigraph.fromEdges(layer, position, src, dst, w, m);
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    private static final int[] TWO_LAYERS_OF_THREE = {0, 0, 0, 1, 1, 1};
    private static final int[] TWO_LAYERS_OF_TWO_AND_FOUR = {0, 0, 1, 1, 1, 1};

    static Stream<Shape> shapes() {
        return Stream.of(
                // causal staircase: sources at positions 0, 0, 1; targets at 1, 1, 2
                new Shape("3x3 staircase", NullKind.LPC, TWO_LAYERS_OF_THREE, new int[] {0, 0, 1, 1, 1, 2},
                        new int[] {0, 3, 0, 4, 1, 3, 1, 5, 2, 4}, ""),
                new Shape("2x4 staircase, ties", NullKind.LPC, TWO_LAYERS_OF_TWO_AND_FOUR,
                        new int[] {0, 1, 0, 1, 1, 2}, new int[] {0, 2, 0, 3, 1, 4, 1, 5, 0, 5}, ""),
                new Shape("three layers, skips", NullKind.LPC, new int[] {0, 0, 1, 1, 2, 2},
                        new int[] {0, 1, 0, 1, 1, 1}, new int[] {0, 2, 1, 3, 0, 4, 1, 5, 2, 4, 3, 5, 0, 5}, ""),
                // one layer at one position but node 2: its block needs a triangle reversal (0→1→3→0 ↔ 0→3→1→0)
                new Shape("same-layer block with a triangle", NullKind.LPC, new int[] {0, 0, 0, 0},
                        new int[] {0, 0, 1, 0}, new int[] {0, 1, 0, 2, 1, 2, 1, 3, 3, 0, 3, 2}, ""),
                // chess-like: edges going back in position exist and keep their own class
                new Shape("forward and backward edges", NullKind.LPC, TWO_LAYERS_OF_THREE,
                        new int[] {0, 1, 2, 0, 1, 2}, new int[] {0, 4, 1, 5, 2, 3, 2, 4, 1, 3}, ""),
                // a dense cross block (5 edges, 3 holes) with forbidden cells, swapped as holes
                new Shape("dense cross block", NullKind.LPC_POSITION, TWO_LAYERS_OF_THREE,
                        new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 3, 0, 4, 1, 3, 1, 5, 2, 4, 2, 3}, ""),
                new Shape("3x3 staircase", NullKind.LPC_POSITION, TWO_LAYERS_OF_THREE, new int[] {0, 0, 1, 1, 2, 2},
                        new int[] {0, 3, 1, 4, 2, 5, 0, 5}, ""),
                new Shape("same and cross", NullKind.LPC_POSITION, TWO_LAYERS_OF_THREE, new int[] {0, 0, 1, 0, 1, 1},
                        new int[] {0, 3, 1, 3, 2, 4, 0, 4, 1, 5, 2, 5}, ""),
                new Shape("positions 0 0 1 2", NullKind.LPC_POSITION, new int[] {0, 0, 0, 0, 1, 1, 1, 1},
                        new int[] {0, 0, 1, 2, 0, 1, 1, 2}, new int[] {0, 5, 1, 6, 2, 6, 2, 7, 3, 7, 0, 4, 1, 4}, ""),
                // the frozen alternating square of Dallas, inside a complete 2×2 block
                new Shape("alternating square", NullKind.LPC_SIGN, new int[] {0, 0, 1, 1}, new int[4],
                        new int[] {0, 2, 0, 3, 1, 2, 1, 3}, "+--+"),
                new Shape("square and staircase", NullKind.LPC_SIGN, TWO_LAYERS_OF_THREE,
                        new int[] {0, 0, 1, 0, 1, 2}, new int[] {0, 3, 0, 4, 1, 3, 1, 4, 2, 5, 0, 5}, "+--++-"),
                // two sign-changing six-cycles: no same-sign swap or alternating square connects their two sides
                new Shape("2x3 sign-changing six-cycle", NullKind.LPC_SIGN, new int[] {0, 0, 1, 1, 1}, new int[5],
                        new int[] {0, 2, 0, 3, 1, 3, 1, 4}, "+-+-"),
                new Shape("3x2 sign-changing six-cycle", NullKind.LPC_SIGN, new int[] {0, 0, 0, 1, 1}, new int[5],
                        new int[] {0, 3, 1, 4, 2, 3, 2, 4}, "+--+"),
                new Shape("3x3 signed staircase", NullKind.LPC_SIGN, TWO_LAYERS_OF_THREE,
                        new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 3, 0, 4, 1, 3, 1, 5, 2, 4, 0, 5}, "+-+--+"),
                new Shape("3x3 staircase, shuffled signs", NullKind.LPC_SHUFFLE, TWO_LAYERS_OF_THREE,
                        new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 3, 0, 4, 1, 3, 1, 5, 2, 4}, "+-++-"),
                new Shape("3x3 staircase", NullKind.LP_ER, TWO_LAYERS_OF_THREE, new int[] {0, 1, 2, 0, 1, 2},
                        new int[] {0, 3, 1, 4, 2, 5, 0, 5}, ""),
                new Shape("backward edges", NullKind.LP_ER, TWO_LAYERS_OF_THREE, new int[] {0, 1, 2, 0, 1, 2},
                        new int[] {0, 3, 2, 4, 1, 3}, ""),
                // directed triangle: swaps alone never reverse it
                new Shape("triangle plus edge", NullKind.CONFIG, new int[4], new int[4],
                        new int[] {0, 1, 1, 2, 2, 0, 0, 3}, ""),
                new Shape("two triangles", NullKind.CONFIG, new int[5], new int[5],
                        new int[] {0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 4, 2}, ""),
                // 8 of 12 cells: swapped as holes, whose complement is one of the 9 derangements of 4
                new Shape("dense four nodes", NullKind.CONFIG, new int[4], new int[4],
                        new int[] {0, 2, 0, 3, 1, 0, 1, 3, 2, 0, 2, 1, 3, 1, 3, 2}, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void sampler_smallGraph_reachesEveryRealisationUniformly(Shape shape) {
        SignedDigraph g = shape.graph();
        Set<String> all = realisations(g, signature(shape.kind()), !shape.signs().isEmpty());
        assertTrue(all.size() >= 2, shape + ": a shape with one realisation tests nothing: " + all);
        Map<String, Integer> hits = sample(shape.kind(), g, Math.max(4000, 400 * all.size()));
        assertEquals(all, hits.keySet(), shape + ": reached set != all realisations");
        assertUniform(shape.toString(), hits);
    }

    private static Map<String, Integer> sample(NullKind kind, SignedDigraph g, int samples) {
        NullModel model = NullEnsemble.modelFor(kind, g, Profile.DEFAULT);
        NullSampler sampler = model.newSampler(new SplittableRandom(kind.ordinal() * 7919L + g.edgeCount()));
        sampler.advance(20);
        Map<String, Integer> hits = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            sampler.advance(5);
            SignedDigraph s = sampler.current();
            assertEquals(List.of(), model.invariantViolations(s));
            hits.merge(TestGraphs.edgeList(s), 1, Integer::sum);
        }
        return hits;
    }

    private static void assertUniform(String what, Map<String, Integer> hits) {
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        double expected = (double) total / hits.size();
        double chi2 = hits.values().stream().mapToDouble(h -> (h - expected) * (h - expected) / expected).sum();
        double critical = new ChiSquaredDistribution(hits.size() - 1).inverseCumulativeProbability(1 - ALPHA);
        assertTrue(chi2 < critical, what + ": chi2 " + chi2 + " >= " + critical + " over " + hits.size()
                + " realisations: " + hits.values());
    }

    /**
     * Every simple graph on g's nodes with g's edge count (and, if {@code signed}, g's number of negative edges
     * placed in every way) whose signature equals g's, as {@link TestGraphs#edgeList} strings. Brute force over all
     * subsets of the ordered pairs u ≠ v whose layer pair has an edge in g (every null here keeps the edge count of
     * each layer pair, so no other pair can hold one; the unlayered graphs put every node in one layer).
     */
    private static Set<String> realisations(SignedDigraph g, Function<SignedDigraph, String> signature,
                                            boolean signed) {
        int n = g.nodeCount();
        int m = g.edgeCount();
        int negative = (int) java.util.stream.DoubleStream.of(g.rawOutWeights()).filter(w -> w < 0).count();
        Set<String> layerPairs = new java.util.HashSet<>();
        for (int s = 0; s < n; s++) {
            for (int e = g.rawOutOffsets()[s]; e < g.rawOutOffsets()[s + 1]; e++) {
                layerPairs.add(g.layer(s) + ">" + g.layer(g.rawOutTargets()[e]));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t && layerPairs.contains(g.layer(s) + ">" + g.layer(t))) {
                    pairs.add(new int[] {s, t});
                }
            }
        }
        String wanted = signature.apply(g);
        Set<String> out = new java.util.TreeSet<>();
        int[] chosen = new int[m];
        forEachSubset(pairs.size(), m, 0, 0, chosen, () -> {
            int[] src = new int[m];
            int[] dst = new int[m];
            for (int e = 0; e < m; e++) {
                src[e] = pairs.get(chosen[e])[0];
                dst[e] = pairs.get(chosen[e])[1];
            }
            int[] negatives = new int[signed ? negative : 0];
            forEachSubset(m, negatives.length, 0, 0, negatives, () -> {
                double[] w = new double[m];
                java.util.Arrays.fill(w, 1.0);
                for (int e : negatives) {
                    w[e] = -1.0;
                }
                SignedDigraph h = SignedDigraph.fromEdges(g.rawLayers(), g.rawPositions(), src, dst, w, m);
                if (signature.apply(h).equals(wanted)) {
                    out.add(TestGraphs.edgeList(h));
                }
            });
        });
        return out;
    }

    private static void forEachSubset(int universe, int size, int from, int filled, int[] chosen, Runnable action) {
        if (filled == size) {
            action.run();
            return;
        }
        for (int x = from; x <= universe - (size - filled); x++) {
            chosen[filled] = x;
            forEachSubset(universe, size, x + 1, filled + 1, chosen, action);
        }
    }

    /** What each null promises to keep (docs/nulls.md), as a canonical string of feature counts. */
    private static Function<SignedDigraph, String> signature(NullKind kind) {
        return switch (kind) {
            case CONFIG -> g -> features(g, (s, t, w) -> List.of("out " + s, "in " + t));
            case LP_ER -> g -> features(g, (s, t, w) -> List.of(blockOf(g, s, t)));
            case LPC -> g -> features(g, (s, t, w) -> List.of("out " + s + " " + blockOf(g, s, t),
                    "in " + t + " " + blockOf(g, s, t)));
            case LPC_POSITION -> g -> features(g, (s, t, w) -> {
                String block = blockOf(g, s, t) + (g.position(s) == g.position(t) ? " same" : " cross");
                return List.of("out " + s + " " + block, "in " + t + " " + block);
            });
            case LPC_SIGN -> g -> features(g, (s, t, w) -> List.of("out " + s + " " + blockOf(g, s, t) + " " + (w < 0),
                    "in " + t + " " + blockOf(g, s, t) + " " + (w < 0)));
            case LPC_SHUFFLE -> g -> features(g, (s, t, w) -> List.of("out " + s + " " + blockOf(g, s, t),
                    "in " + t + " " + blockOf(g, s, t), "negative " + blockOf(g, s, t) + " " + (w < 0)));
            case ER -> throw new IllegalArgumentException("er has no structure to check here");
        };
    }

    /** Layer pair and direction in position of an edge. */
    private static String blockOf(SignedDigraph g, int s, int t) {
        return g.layer(s) + ">" + g.layer(t) + (g.position(s) > g.position(t) ? " back" : " fwd");
    }

    @FunctionalInterface
    private interface EdgeFeatures {
        List<String> of(int s, int t, double w);
    }

    private static String features(SignedDigraph g, EdgeFeatures features) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = g.rawOutOffsets()[s]; e < g.rawOutOffsets()[s + 1]; e++) {
                for (String f : features.of(s, g.rawOutTargets()[e], g.rawOutWeights()[e])) {
                    counts.merge(f, 1, Integer::sum);
                }
            }
        }
        return counts.toString();
    }
}
