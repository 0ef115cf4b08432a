package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads all 51 shared graphs and compares them with {@code fixtures/corpus-counts.json}, written independently by
 * {@code scripts/corpus_fixtures.py} (Python, json module only).
 */
class GraphReaderCorpusTest {
    private static final GraphReader READER = new GraphReader();

    static Stream<JsonNode> fixtures() {
        return CorpusFixtures.rows();
    }

    @Test
    void fixture_coversEveryCorpusFile() {
        List<String> fromFixture = fixtures().map(f -> f.get("file").asText()).toList();
        List<String> onDisk = SharedData.corpusFiles().stream()
                .map(p -> SharedData.corpus().relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(51, onDisk.size());
        assertEquals(onDisk, fromFixture);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void read_corpusFile_matchesPythonCounts(JsonNode f) throws Exception {
        String file = f.get("file").asText();
        AttributionGraph g = READER.read(SharedData.corpusFile(file));

        assertEquals(f.get("nodes").asInt(), g.nodeCount(), file);
        assertEquals(f.get("links").asInt(), g.edgeCount(), file);
        for (NodeKind k : NodeKind.values()) {
            assertEquals(f.get("kinds").get(k.name()).asInt(), g.count(k), file + " " + k);
        }
        Map<String, Integer> types = new HashMap<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            types.merge(g.featureType(v), 1, Integer::sum);
        }
        Map<String, Integer> expectedTypes = new HashMap<>();
        f.get("featureTypes").fields().forEachRemaining(e -> expectedTypes.put(e.getKey(), e.getValue().asInt()));
        assertEquals(expectedTypes, types, file);

        int negative = 0;
        int zero = 0;
        int selfLoops = 0;
        double sum = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            double w = g.edgeWeight(e);
            negative += w < 0 ? 1 : 0;
            zero += w == 0 ? 1 : 0;
            selfLoops += g.edgeSource(e) == g.edgeTarget(e) ? 1 : 0;
            sum += w;
        }
        assertEquals(f.get("negativeLinks").asInt(), negative, file);
        assertEquals(f.get("zeroLinks").asInt(), zero, file);
        assertEquals(f.get("selfLoops").asInt(), selfLoops, file);
        assertEquals(f.get("weightSum").asDouble(), sum, 1e-9 * Math.max(1, Math.abs(sum)), file);

        TreeSet<String> seen = new TreeSet<>();
        TreeSet<String> duplicates = new TreeSet<>();
        int minFeature = Integer.MAX_VALUE;
        int maxFeature = Integer.MIN_VALUE;
        TreeSet<Integer> logitLayers = new TreeSet<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (!seen.add(g.nodeId(v))) {
                duplicates.add(g.nodeId(v));
            }
            if (g.kind(v) == NodeKind.FEATURE) {
                minFeature = Math.min(minFeature, g.layer(v));
                maxFeature = Math.max(maxFeature, g.layer(v));
            } else if (g.kind(v) == NodeKind.LOGIT) {
                logitLayers.add(g.layer(v));
            }
        }
        List<String> expectedDuplicates = new ArrayList<>();
        f.get("duplicateIds").forEach(d -> expectedDuplicates.add(d.asText()));
        assertEquals(expectedDuplicates, List.copyOf(duplicates), file);
        assertEquals(expectedDuplicates.isEmpty(), g.notes().stream().noneMatch(n -> n.startsWith("duplicate")),
                file);
        if (!f.get("minFeatureLayer").isNull()) {
            assertEquals(f.get("minFeatureLayer").asInt(), minFeature, file);
            assertEquals(f.get("maxFeatureLayer").asInt(), maxFeature, file);
        }
        List<Integer> expectedLogitLayers = new ArrayList<>();
        f.get("logitLayers").forEach(l -> expectedLogitLayers.add(l.asInt()));
        assertEquals(expectedLogitLayers, List.copyOf(logitLayers), file);
        assertEquals(f.get("firstNodeId").asText(), g.nodeId(0), file);
        assertEquals(f.get("lastNodeId").asText(), g.nodeId(g.nodeCount() - 1), file);

        TranscoderKind expectedKind = switch (f.get("transcoderFolder").asText()) {
            case "clt" -> TranscoderKind.CLT;
            case "plt", "plt-lorsa" -> TranscoderKind.PLT;
            default -> TranscoderKind.UNKNOWN;
        };
        assertEquals(expectedKind, g.metadata().transcoderKind(), file);
        f.get("extraTopLevelKeys").forEach(k -> assertTrue(
                g.metadata().extra().containsKey("$." + k.asText()), file + " keeps " + k));
    }
}
