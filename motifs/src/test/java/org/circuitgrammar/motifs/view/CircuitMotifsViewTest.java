package org.circuitgrammar.motifs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.json.GraphReader;
import org.junit.jupiter.api.Test;

/** Counts from {@code shared/spec/circuit-motifs.md} §1 and §4.5, measured there with the anchor itself. */
class CircuitMotifsViewTest {
    private static AttributionGraph dallas() throws InvalidGraphException {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../../shared"));
        return new GraphReader().read(shared.resolve("corpus/claude-3.5-haiku/clt/capital-state-dallas.json"));
    }

    @Test
    void of_dallas_loadsAsTheAnchor() throws InvalidGraphException {
        CircuitMotifsView v = CircuitMotifsView.of(dallas(), false, 0.0);
        assertEquals(83, v.loadedNodes());
        assertEquals(1719, v.loadedEdges());
        assertEquals(1719, v.graph().edgeCount());
        assertEquals(19, v.effectiveLogitLayer());
    }

    @Test
    void of_dallasSignedWindow_829AdmissibleEdges() throws InvalidGraphException {
        CircuitMotifsView v = CircuitMotifsView.of(dallas(), false, 0.0, CircuitMotifsView.SIGNED_MIN_GAP,
                CircuitMotifsView.SIGNED_MAX_GAP);
        assertEquals(829, v.graph().edgeCount());
    }

    @Test
    void of_toy_thresholdStrictAndZeroWeightKept() {
        AttributionGraph.Builder b = AttributionGraph.builder(
                new GraphMetadata("toy", null, null, TranscoderKind.UNKNOWN, "", null, null));
        int e = b.addNode("E_1_0", NodeKind.EMBEDDING, -1, 0).index();
        int f = b.addNode("0_1_0", NodeKind.FEATURE, 0, 0).index();
        int err = b.addNode("0_0_0", NodeKind.ERROR, 0, 0).featureType(CircuitMotifsView.ANCHOR_ERROR_TYPE).index();
        int logit = b.addNode("L", NodeKind.LOGIT, 4, 0).index();
        b.addEdge(e, f, 0.0);
        b.addEdge(f, logit, 0.5);
        b.addEdge(err, logit, 3.0);
        b.addEdge(e, logit, -0.49);
        CircuitMotifsView all = CircuitMotifsView.of(b.build(), false, 0.0);
        assertEquals(3, all.loadedNodes());
        assertEquals(3, all.loadedEdges());
        assertEquals(5, all.effectiveLogitLayer());
        CircuitMotifsView thresholded = CircuitMotifsView.of(b.build(), false, 0.5);
        assertEquals(1, thresholded.loadedEdges(), "|0.5| is kept, |-0.49| and 0 are not");
        assertEquals(4, CircuitMotifsView.of(b.build(), true, 0.0).loadedEdges());
    }
}
