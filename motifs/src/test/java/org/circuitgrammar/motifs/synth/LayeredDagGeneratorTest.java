package org.circuitgrammar.motifs.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.motifs.census.DagIdentities;
import org.circuitgrammar.motifs.census.TriadCensus;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Test;

class LayeredDagGeneratorTest {
    private static final AttributionGraph S = LayeredDagGenerator.generate(LayeredDagSpec.preset("s", 7));

    @Test
    void generate_presetS_exactSizesAndNodeKinds() {
        assertEquals(1_000, S.nodeCount());
        assertEquals(20_000, S.edgeCount());
        assertEquals(8, S.count(NodeKind.EMBEDDING));
        assertEquals(10, S.count(NodeKind.LOGIT));
        assertEquals(0, S.count(NodeKind.ERROR));
        for (int v = 0; v < S.nodeCount(); v++) {
            if (S.kind(v) == NodeKind.EMBEDDING) {
                assertEquals(-1, S.layer(v));
                assertEquals(0, S.inDegree(v));
            } else if (S.kind(v) == NodeKind.LOGIT) {
                assertEquals(19, S.layer(v));
                assertEquals(0, S.outDegree(v));
            }
        }
    }

    @Test
    void generate_everyEdge_upInLayerNeverBackInPositionNoDuplicates() {
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < S.edgeCount(); e++) {
            int s = S.edgeSource(e);
            int t = S.edgeTarget(e);
            assertTrue(S.layer(s) < S.layer(t), "edge " + e);
            assertTrue(S.position(s) <= S.position(t), "edge " + e);
            assertTrue(seen.add((long) s << 32 | t), "duplicate edge " + e);
        }
    }

    @Test
    void generate_presetS_attributionGraphLikeProportions() {
        int same = 0;
        int negative = 0;
        int toLogit = 0;
        for (int e = 0; e < S.edgeCount(); e++) {
            same += S.position(S.edgeSource(e)) == S.position(S.edgeTarget(e)) ? 1 : 0;
            negative += S.edgeWeight(e) < 0 ? 1 : 0;
            toLogit += S.kind(S.edgeTarget(e)) == NodeKind.LOGIT ? 1 : 0;
        }
        assertEquals(0.70, same / 20_000.0, 0.03);
        assertEquals(0.20, negative / 20_000.0, 0.01);
        assertEquals(0.25, toLogit / 20_000.0, 0.01);
        // heavy tail: the busiest source sends far more than the mean out-degree (20)
        int maxOut = 0;
        for (int v = 0; v < S.nodeCount(); v++) {
            maxOut = Math.max(maxOut, S.outDegree(v));
        }
        assertTrue(maxOut > 6 * 20, "max out-degree " + maxOut);
    }

    @Test
    void generate_sameSpec_identicalGraph_otherSeed_differentGraph() {
        assertEquals(S, LayeredDagGenerator.generate(LayeredDagSpec.preset("s", 7)));
        assertNotEquals(S, LayeredDagGenerator.generate(LayeredDagSpec.preset("s", 8)));
    }

    @Test
    void generate_onePositionNoLogits_allEdgesResidualAmongFeatures() {
        AttributionGraph g = LayeredDagGenerator.generate(new LayeredDagSpec(200, 1_500, 6, 1, 0, 0.7, 0.2, 0.1, 3, 0));
        assertEquals(1_500, g.edgeCount());
        for (int e = 0; e < g.edgeCount(); e++) {
            assertEquals(0, g.position(g.edgeTarget(e)));
            assertEquals(NodeKind.FEATURE, g.kind(g.edgeTarget(e)));
        }
    }

    @Test
    void generate_impossibleEdgeCount_throws() {
        LayeredDagSpec tooMany = new LayeredDagSpec(30, 5_000, 3, 2, 2, 0.7, 0.2, 0.1, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> LayeredDagGenerator.generate(tooMany));
    }

    @Test
    void census_generatedDags_satisfyTheDegreeIdentities() {
        for (long seed = 1; seed <= 3; seed++) {
            AttributionGraph a = LayeredDagGenerator.generate(LayeredDagSpec.of(600, 6_000, seed));
            SignedDigraph g = AnalysedGraph.of(a, AnalysisOptions.DEFAULT).graph();
            assertTrue(g.isAcyclic());
            long[] c = new TriadCensus().count(g);
            DagIdentities.assertHold(g, c);
        }
    }

    /** Preset q: the Qwen3-0.6B PLT shape of issue 13, dense and skewed to the last positions, still causal. */
    @Test
    void generate_presetQ_denseAndSkewedToLastPositions() {
        AttributionGraph g = LayeredDagGenerator.generate(LayeredDagSpec.preset(LayeredDagSpec.QWEN_PRESET, 42));
        assertEquals(300, g.nodeCount());
        assertEquals(21_000, g.edgeCount());
        int lastTwo = 0;
        int features = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.kind(v) == NodeKind.FEATURE) {
                features++;
                lastTwo += g.position(v) >= 6 ? 1 : 0;
            }
        }
        assertTrue(lastTwo > features / 2, lastTwo + " of " + features + " features at positions 6 and 7");
        for (int e = 0; e < g.edgeCount(); e++) {
            assertTrue(g.position(g.edgeSource(e)) <= g.position(g.edgeTarget(e)), "edge " + e);
        }
    }
}
