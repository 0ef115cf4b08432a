package org.circuitgrammar.motifs.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

class AnalysedGraphTest {
    /**
     * 0 embedding (layer −1), 1 feature (0), 2 error (0), 3 feature (2), 4 feature (5, isolated), 5 logit (9).
     * Edges in file order: 0→1 (0.5), 0→2 (1), 2→3 (1), 1→3 (−0.1), 1→3 (7, parallel), 3→3 (1, loop),
     * 1→5 (0.0), 3→5 (−2).
     */
    private static AttributionGraph sample() {
        AttributionGraph.Builder b = AttributionGraph.builder(
                new GraphMetadata("t", null, null, TranscoderKind.UNKNOWN, "p", List.of(), null));
        b.addNode("E_0_0", NodeKind.EMBEDDING, -1, 0);
        b.addNode("0_1_0", NodeKind.FEATURE, 0, 0);
        b.addNode("0_0_0", NodeKind.ERROR, 0, 0);
        b.addNode("2_1_1", NodeKind.FEATURE, 2, 1);
        b.addNode("5_1_1", NodeKind.FEATURE, 5, 1);
        b.addNode("9_7_1", NodeKind.LOGIT, 9, 1);
        int[][] edges = {{0, 1}, {0, 2}, {2, 3}, {1, 3}, {1, 3}, {3, 3}, {1, 5}, {3, 5}};
        double[] w = {0.5, 1, 1, -0.1, 7, 1, 0.0, -2};
        for (int e = 0; e < edges.length; e++) {
            b.addEdge(edges[e][0], edges[e][1], w[e]);
        }
        return b.build();
    }

    @Test
    void of_defaults_dropErrorsLoopsAndLaterParallelsKeepIsolatedAndZeroWeights() {
        AnalysedGraph v = AnalysedGraph.of(sample(), AnalysisOptions.DEFAULT);
        SignedDigraph g = v.graph();
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, v.originalNode());
        assertEquals(5, g.nodeCount());
        assertEquals(4, g.edgeCount());             // 0→1, 1→3 (first: −0.1), 1→5 (0.0), 3→5
        assertEquals(-0.1, g.weight(1, 2));
        assertEquals(0.0, g.weight(1, 4));
        assertEquals(1, g.droppedSelfLoops());
        assertEquals(1, g.mergedParallelEdges());
        assertEquals(0, g.inDegree(3) + g.outDegree(3));   // the isolated feature stays
        assertEquals(-1, g.layer(0));
        assertEquals(9, g.layer(4));
        assertEquals(1, g.position(2));
    }

    @Test
    void of_topEdges_keepsTheLargestFractionBeforeLoopsAndParallelsGo() {
        // without errors 6 edges remain; ceil(0.5 * 6) = 3 of largest |w|: 1→3 (7), 3→5 (−2), 3→3 (1, a loop)
        AnalysedGraph top = AnalysedGraph.of(sample(), new AnalysisOptions(false, true, true, 0, 0, 0.5));
        assertEquals(2, top.graph().edgeCount());
        assertEquals(7.0, top.graph().weight(1, 2));
        assertEquals(-2.0, top.graph().weight(2, 4));
        assertEquals(1, top.graph().droppedSelfLoops());
        assertEquals(0, top.graph().mergedParallelEdges());
        assertThrows(IllegalArgumentException.class, () -> new AnalysisOptions(false, true, true, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnalysisOptions(false, true, true, 0, 0, 1.5));
    }

    @Test
    void of_keepErrors_keepsTheErrorAndItsEdges() {
        AnalysedGraph v = AnalysedGraph.of(sample(), new AnalysisOptions(true, true, true, 0, 0, 1));
        assertEquals(6, v.graph().nodeCount());
        assertEquals(6, v.graph().edgeCount());
        assertTrue(v.graph().hasEdge(0, 2) && v.graph().hasEdge(2, 3));
    }

    @Test
    void of_thresholdAndGap_dropWeakAndLongEdges() {
        // |w| >= 0.5 keeps 0→1 (0.5, equal is kept), 1→3 (7: the first parallel edge −0.1 is gone first), 3→5
        AnalysedGraph strong = AnalysedGraph.of(sample(), new AnalysisOptions(false, true, true, 0.5, 0, 1));
        assertEquals(3, strong.graph().edgeCount());
        assertEquals(7.0, strong.graph().weight(1, 2));
        // gap <= 2 drops 1→5 (9) and 3→5 (7), keeps 0→1 (1) and 1→3 (2)
        AnalysedGraph near = AnalysedGraph.of(sample(), new AnalysisOptions(false, true, true, 0, 2, 1));
        assertEquals(2, near.graph().edgeCount());
        assertFalse(near.graph().hasEdge(2, 4));
    }

    @Test
    void of_withoutEmbeddingsAndLogits_onlyFeaturesRemain() {
        AnalysedGraph v = AnalysedGraph.of(sample(), new AnalysisOptions(false, false, false, 0, 0, 1));
        assertArrayEquals(new int[] {1, 3, 4}, v.originalNode());
        assertEquals(1, v.graph().edgeCount());
        assertEquals(3, v.originalNode(1));
    }

    @Test
    void options_invalidValues_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new AnalysisOptions(false, true, true, -1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new AnalysisOptions(false, true, true, Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new AnalysisOptions(false, true, true, 0, -2, 1));
    }
}
