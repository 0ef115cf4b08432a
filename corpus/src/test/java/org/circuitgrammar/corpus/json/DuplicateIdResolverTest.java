package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.junit.jupiter.api.Test;

/** Hand-made duplicate-id cases for the rules the corpus does not reach (occurrence, first candidate). */
class DuplicateIdResolverTest {
    private static AttributionGraph read(String links) throws Exception {
        String json = """
                {"metadata": {"slug": "d"},
                 "nodes": [
                  {"node_id": "E_1_0", "layer": "E", "ctx_idx": 0, "feature_type": "embedding"},
                  {"node_id": "D", "layer": "2", "ctx_idx": 0, "feature_type": "cross layer transcoder"},
                  {"node_id": "D", "layer": "2", "ctx_idx": 0, "feature_type": "mlp reconstruction error"},
                  {"node_id": "L", "layer": "9", "ctx_idx": 0, "feature_type": "logit"},
                  {"node_id": "F", "layer": "5", "ctx_idx": 0, "feature_type": "cross layer transcoder"}
                 ],
                 "links": [%s]}""".formatted(links);
        return new GraphReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "d.json");
    }

    @Test
    void repeatedPair_unorderedFile_kthRepeatGoesToKthNode() throws Exception {
        // the F -> E link breaks (target, source) order, so only layer and occurrence rules apply
        AttributionGraph g = read("""
                {"source": "F", "target": "L", "weight": 1}, {"source": "E_1_0", "target": "F", "weight": 1},
                {"source": "D", "target": "L", "weight": 0.5}, {"source": "D", "target": "L", "weight": -0.5},
                {"source": "D", "target": "F", "weight": 2}""");
        assertEquals(1, g.edgeSource(2));
        assertEquals(2, g.edgeSource(3));
        assertEquals(1, g.edgeSource(4), "single occurrence: first candidate");
        assertTrue(g.notes().get(0).contains("0 by layer"), g.notes().toString());
        assertTrue(g.notes().get(0).contains("2 to the first remaining candidate, 1 by occurrence"),
                g.notes().toString());
    }

    @Test
    void layerRule_excludesTheCandidateThatWouldPointDown() throws Exception {
        AttributionGraph g = read("""
                {"source": "E_1_0", "target": "D", "weight": 1}""");
        // both D nodes sit above the embedding; the layer rule cannot choose, so the first one gets it
        assertEquals(1, g.edgeTarget(0));
        AttributionGraph h = read("""
                {"source": "L", "target": "D", "weight": 1}""");
        assertEquals(1, h.edgeTarget(0), "no candidate passes the layer rule: it is not applied");
    }

    @Test
    void orderRule_placesALinkBetweenItsNeighbours() throws Exception {
        String json = """
                {"metadata": {"slug": "o"},
                 "nodes": [
                  {"node_id": "E_1_0", "layer": "E", "ctx_idx": 0, "feature_type": "embedding"},
                  {"node_id": "D", "layer": "0", "ctx_idx": 1, "feature_type": "cross layer transcoder"},
                  {"node_id": "X", "layer": "1", "ctx_idx": 1, "feature_type": "cross layer transcoder"},
                  {"node_id": "D", "layer": "0", "ctx_idx": 1, "feature_type": "mlp reconstruction error"},
                  {"node_id": "L", "layer": "9", "ctx_idx": 1, "feature_type": "logit"}
                 ],
                 "links": [
                  {"source": "E_1_0", "target": "X", "weight": 1},
                  {"source": "E_1_0", "target": "L", "weight": 1}, {"source": "D", "target": "L", "weight": 1},
                  {"source": "X", "target": "L", "weight": 1}, {"source": "D", "target": "L", "weight": 1}]}""";
        AttributionGraph g = new GraphReader().read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "o.json");
        // in L's block the sources run 0, D, 2, D: the first D must be node 1, the second node 3
        assertEquals(1, g.edgeSource(2));
        assertEquals(3, g.edgeSource(4));
        assertTrue(g.notes().get(0).contains("2 by the producer's"), g.notes().toString());
    }
}
