package org.circuitgrammar.motifs.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.junit.jupiter.api.Test;

class GraphPerturbationsTest {
    /** Two FFLs by hand: a→b→c with a→c (coherent, all +) and d→e→f with d→f (incoherent: d→f is −). */
    private static AttributionGraph twoLoops() {
        AttributionGraph.Builder b = AttributionGraph.builder(
                new GraphMetadata("toy", null, null, TranscoderKind.UNKNOWN, "", null, null));
        for (String id : new String[] {"a", "b", "c", "d", "e", "f"}) {
            b.addNode(id, NodeKind.FEATURE, "abcdef".indexOf(id) % 3, 0);
        }
        b.addEdge(0, 1, 1.0);
        b.addEdge(1, 2, 1.0);
        b.addEdge(0, 2, 1.0);
        b.addEdge(3, 4, 1.0);
        b.addEdge(4, 5, 1.0);
        b.addEdge(3, 5, -1.0);
        return b.build();
    }

    @Test
    void withoutFflClosingEdges_half_removesOneOfTheTwoClosingEdges() {
        GraphPerturbations.Edited e = GraphPerturbations.withoutFflClosingEdges(twoLoops(), 0.5,
                new SplittableRandom(1));
        assertEquals(2, e.candidates());
        assertEquals(1, e.changed());
        AttributionGraph g = e.graph();
        assertEquals(5, g.edgeCount());
        boolean acGone = true;
        boolean dfGone = true;
        for (int i = 0; i < g.edgeCount(); i++) {
            acGone &= !(g.edgeSource(i) == 0 && g.edgeTarget(i) == 2);
            dfGone &= !(g.edgeSource(i) == 3 && g.edgeTarget(i) == 5);
        }
        assertEquals(1, (acGone ? 1 : 0) + (dfGone ? 1 : 0));
    }

    @Test
    void coherentFflsMadeIncoherent_flipsOnlyTheCoherentLoopsClosingEdge() {
        GraphPerturbations.Edited e = GraphPerturbations.coherentFflsMadeIncoherent(twoLoops());
        assertEquals(1, e.changed());
        AttributionGraph g = e.graph();
        assertEquals(-1.0, g.edgeWeight(2));
        assertEquals(-1.0, g.edgeWeight(5));
        assertEquals(1.0, g.edgeWeight(0));
    }
}
