package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

/** The nulls sample the distributions they claim: closed-form ER moments, uniform realisations of an LPC block. */
class NullDistributionTest {

    /** G(n, m): E[mutual pairs] = (N/2)·m(m−1)/(N(N−1)), E[transitive triples] = n(n−1)(n−2)·m(m−1)(m−2)/(N)_3. */
    @Test
    void erdosRenyi_means_matchClosedForm() {
        int n = 7;
        int m = 15;
        double pairs = n * (n - 1.0);
        SignedDigraph g = TestGraphs.randomDigraph(5, n, 40);
        g = SignedDigraph.fromEdges(g.rawLayers(), g.rawPositions(), src(g), dst(g), g.rawOutWeights(), m);
        assertEquals(m, g.edgeCount());
        NullSampler er = new ErdosRenyiNull(g, SignMode.SHUFFLED).newSampler(new SplittableRandom(9));
        int samples = 6000;
        double[] mutual = new double[samples];
        double[] transitive = new double[samples];
        for (int i = 0; i < samples; i++) {
            er.advance(1);
            SignedDigraph s = er.current();
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    if (u < v && s.hasEdge(u, v) && s.hasEdge(v, u)) {
                        mutual[i]++;
                    }
                    for (int w = 0; w < n; w++) {
                        if (u != v && v != w && u != w && s.hasEdge(u, v) && s.hasEdge(v, w) && s.hasEdge(u, w)) {
                            transitive[i]++;
                        }
                    }
                }
            }
        }
        double expectedMutual = pairs / 2 * m * (m - 1.0) / (pairs * (pairs - 1));
        double expectedTransitive = n * (n - 1.0) * (n - 2) * m * (m - 1.0) * (m - 2)
                / (pairs * (pairs - 1) * (pairs - 2));
        assertMean(expectedMutual, mutual);
        assertMean(expectedTransitive, transitive);
    }

    /** Every candidate pair of a layer-pair block is drawn with probability k / (n_source · n_target). */
    @Test
    void layerPairEr_pairFrequencies_uniformInsideBlocks() {
        int[] layer = {0, 0, 0, 1, 1, 2};
        int[] position = new int[6];
        SignedDigraph g = TestGraphs.of(layer, position, 0, 3, 1, 4, 3, 5);   // blocks (0,1): k=2 of 6; (1,2): k=1 of 2
        NullSampler lpEr = new LayerPairErNull(g, SignMode.SHUFFLED, NullRules.CAUSAL)
                .newSampler(new SplittableRandom(3));
        int samples = 30_000;
        Map<String, Integer> hits = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            lpEr.advance(1);
            SignedDigraph s = lpEr.current();
            for (int u = 0; u < 6; u++) {
                for (int v = 0; v < 6; v++) {
                    if (s.hasEdge(u, v)) {
                        hits.merge(u + ">" + v, 1, Integer::sum);
                    }
                }
            }
        }
        assertEquals(6 + 2, hits.size(), "only block pairs appear: " + hits);
        for (int u = 0; u < 3; u++) {
            for (int v = 3; v < 5; v++) {
                assertFrequency(2.0 / 6, hits.get(u + ">" + v), samples);
            }
        }
        assertFrequency(0.5, hits.get("3>5"), samples);
        assertFrequency(0.5, hits.get("4>5"), samples);
    }

    /**
     * Inside one bipartite block the swap chain is uniform over all realisations of the degree sequences: enumerate
     * them by brute force over the 2^9 subsets of the 3 × 3 pairs, then chi-square the chain's thinned samples.
     */
    @Test
    void layerPairSwap_singleBlock_uniformOverRealisations() {
        int[] layer = {0, 0, 0, 1, 1, 1};
        int[] position = new int[6];        // one position: no causal structural zeros (those: NullReachabilityTest)
        SignedDigraph g = TestGraphs.of(layer, position, 0, 3, 0, 4, 1, 4, 1, 5, 2, 5);
        int[] out = {2, 2, 1};
        int[] in = {1, 2, 2};
        Map<Integer, Integer> realisations = new HashMap<>();
        for (int mask = 0; mask < 1 << 9; mask++) {
            boolean fits = true;
            for (int i = 0; i < 3 && fits; i++) {
                int rowSum = 0;
                int columnSum = 0;
                for (int j = 0; j < 3; j++) {
                    rowSum += mask >> (3 * i + j) & 1;
                    columnSum += mask >> (3 * j + i) & 1;
                }
                fits = rowSum == out[i] && columnSum == in[i];
            }
            if (fits) {
                realisations.put(mask, 0);
            }
        }
        assertEquals(5, realisations.size(), "hand count: 5 ways to realise (2,2,1) × (1,2,2)");
        NullSampler lpc = LayerPairSwapNull.lpc(g, NullRules.CAUSAL).newSampler(new SplittableRandom(17));
        int samples = 20_000;
        for (int i = 0; i < samples; i++) {
            lpc.advance(3);
            SignedDigraph s = lpc.current();
            int mask = 0;
            for (int u = 0; u < 3; u++) {
                for (int v = 0; v < 3; v++) {
                    mask |= (s.hasEdge(u, 3 + v) ? 1 : 0) << (3 * u + v);
                }
            }
            assertTrue(realisations.containsKey(mask), "not a realisation: " + mask);
            realisations.merge(mask, 1, Integer::sum);
        }
        double expected = (double) samples / realisations.size();
        double chi2 = realisations.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        double critical = new ChiSquaredDistribution(realisations.size() - 1).inverseCumulativeProbability(0.999);
        assertTrue(chi2 < critical, "chi2 " + chi2 + " >= " + critical + " for " + realisations);
    }

    /** The configuration null leaves the DAG, as its Javadoc says: samples of a layered DAG get cycles. */
    @Test
    void configuration_layeredDag_leavesTheDag() {
        SignedDigraph g = TestGraphs.layeredDag(1, 5, 8, 3, 150, 0.2);
        assertTrue(g.isAcyclic());
        NullSampler config = new ConfigurationSwapNull(g, NullRules.CAUSAL).newSampler(new SplittableRandom(2));
        int cyclic = 0;
        for (int i = 0; i < 20; i++) {
            config.advance(2);
            cyclic += config.current().isAcyclic() ? 0 : 1;
        }
        assertTrue(cyclic > 0, "no cyclic sample in 20");
    }

    /**
     * A complete bipartite block cannot change: it has no holes, so the causal chain makes no trial, and the anchor's
     * chain, which swaps edges, has every trial rejected.
     */
    @Test
    void layerPairSwap_completeBlock_acceptsNothing() {
        int[] layer = {0, 0, 1, 1};
        SignedDigraph g = TestGraphs.of(layer, new int[4], 0, 2, 0, 3, 1, 2, 1, 3);
        NullSampler lpc = LayerPairSwapNull.lpc(g, NullRules.CAUSAL).newSampler(new SplittableRandom(1));
        lpc.advance(10);
        assertEquals(0, lpc.trials());
        assertEquals(TestGraphs.edgeList(g), TestGraphs.edgeList(lpc.current()));
        NullSampler anchor = LayerPairSwapNull.lpc(g, NullRules.ANCHOR).newSampler(new SplittableRandom(1));
        anchor.advance(10);
        assertEquals(40, anchor.trials());
        assertEquals(0, anchor.accepted());
    }

    private static void assertMean(double expected, double[] xs) {
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double var = 0;
        for (double x : xs) {
            var += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(var / (xs.length - 1) / xs.length);
        assertEquals(expected, mean, 4.5 * se, "mean vs closed form (se " + se + ")");
    }

    private static void assertFrequency(double p, int hits, int samples) {
        double sd = Math.sqrt(samples * p * (1 - p));
        assertEquals(samples * p, hits, 4.5 * sd);
    }

    private static int[] src(SignedDigraph g) {
        int[] s = new int[g.edgeCount()];
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int e = g.rawOutOffsets()[v]; e < g.rawOutOffsets()[v + 1]; e++) {
                s[e] = v;
            }
        }
        return s;
    }

    private static int[] dst(SignedDigraph g) {
        return g.rawOutTargets();
    }
}
