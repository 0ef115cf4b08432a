package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.junit.jupiter.api.Test;

/** One named test per oddity in {@code shared/corpus/MANIFEST.md} ("Format variation found", items 1-8). */
class GraphReaderVariantsTest {
    private static final GraphReader READER = new GraphReader();

    private static AttributionGraph read(String relative) throws Exception {
        return READER.read(SharedData.corpusFile(relative));
    }

    private static AttributionGraph readText(String json) throws Exception {
        return READER.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "inline.json");
    }

    private static int node(AttributionGraph g, String id) {
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.nodeId(v).equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no node " + id);
    }

    // 1. feature_type does not tell CLT from PLT
    @Test
    void oddity1_pltGraphSaysCrossLayerTranscoder_transcoderKindComesFromMetadata() throws Exception {
        AttributionGraph plt = read("gemma-2-2b/plt/dallas_ea.json");
        assertEquals("cross layer transcoder", plt.featureType(node(plt, plt.nodeId(0))));
        assertEquals(TranscoderKind.PLT, plt.metadata().transcoderKind(), "scan mntss/gemma-scope-transcoders");
        assertEquals(TranscoderKind.PLT, read("gemma-2-2b/plt/dollar.json").metadata().transcoderKind(),
                "info.neuronpedia_source_set gemmascope-transcoder-16k");
        assertEquals(TranscoderKind.CLT, read("gemma-2-2b/clt/meow-clt.json").metadata().transcoderKind(),
                "info.transcoder_set mntss/clt-gemma-2-2b-2.5M");
        assertEquals(TranscoderKind.PLT,
                read("lc0-bt4/plt-lorsa/bt4_win_or_go_home_k.json").metadata().transcoderKind(), "tc_analysis_name");
        assertEquals(TranscoderKind.UNKNOWN, read("gemma-2-2b/unknown/dallas-austin.467da5e.json")
                .metadata().transcoderKind(), "scan gemma-2-2b and nothing else");
    }

    // 2. feature encodings differ by producer
    @Test
    void oddity2_threeFeatureEncodings_decodeToTheNodeIdIndex() throws Exception {
        AttributionGraph cantor = read("gemma-2-2b/clt/meow-clt.json");
        int v = node(cantor, "0_49560_3");
        assertEquals(1228171140L, cantor.feature(v));
        assertEquals(49560, cantor.featureIndex(v));
        assertEquals(FeatureEncoding.CANTOR, FeatureEncoding.detect(cantor));

        AttributionGraph offset = read("gemma-2-2b/plt/3plus5-plt.json");
        for (int u = 0; u < offset.nodeCount(); u++) {
            if (offset.kind(u) == NodeKind.FEATURE && offset.layer(u) > 0) {
                assertEquals(offset.layer(u) * 100000L + offset.featureIndex(u), offset.feature(u), offset.nodeId(u));
            }
        }
        assertEquals(FeatureEncoding.LAYER_OFFSET, FeatureEncoding.detect(offset));

        AttributionGraph haiku = read("claude-3.5-haiku/clt/capital-state-dallas.json");
        int h = node(haiku, "1_24855676_1");
        assertEquals(24855676L, haiku.featureIndex(h));
        assertEquals(FeatureEncoding.GLOBAL, FeatureEncoding.detect(haiku));
        // embeddings and errors carry no feature index whatever their feature field holds
        assertEquals(-1, haiku.featureIndex(node(haiku, "0_21712686_2")));
        assertEquals(FeatureEncoding.UNKNOWN, FeatureEncoding.detect(read("llama-3.2-1b/clt/dallas-austin-llamma.json")));
    }

    @Test
    void oddity2_encodingPerCorpusFile_matchesTheManifest() throws Exception {
        for (var f : SharedData.corpusFiles()) {
            String name = f.getFileName().toString();
            FeatureEncoding expected = switch (name) {
                case "3plus5-plt.json", "bee-insect-plt.json", "dollar.json" -> FeatureEncoding.LAYER_OFFSET;
                case "capital-state-dallas.json", "capital-state-dallas.openmoss-variant.json" -> FeatureEncoding.GLOBAL;
                default -> f.toString().contains("llama-3.2-1b/clt/dallas-austin-llamma")
                        ? FeatureEncoding.UNKNOWN : FeatureEncoding.CANTOR;
            };
            assertEquals(expected, FeatureEncoding.detect(READER.read(f)), f.toString());
        }
    }

    // 3. error-node ids: 0_<layer>_<pos>, <layer>_<globalid>_<pos>, <layer>_error_<pos>, <layer>_-1_<pos>; collisions
    @Test
    void oddity3_errorIdStyles_layerAndPositionComeFromTheFields() throws Exception {
        AttributionGraph ct = read("gemma-2-2b/plt/dollar.json");
        assertEquals(NodeKind.ERROR, ct.kind(717));
        assertEquals(2, ct.layer(717), "id 0_2_1 is the layer-2 error at position 1");
        assertEquals(1, ct.position(717));

        AttributionGraph lc0 = read("lc0-bt4/plt-lorsa/bt4_win_or_go_home_k.json");
        long errors = 0;
        for (int v = 0; v < lc0.nodeCount(); v++) {
            if (lc0.nodeId(v).contains("_error_")) {
                assertEquals(NodeKind.ERROR, lc0.kind(v), lc0.nodeId(v));
                assertEquals(Integer.parseInt(lc0.nodeId(v).split("_")[0]), lc0.layer(v));
                errors++;
            }
        }
        assertEquals(23 + 31, errors, "mlp and lorsa errors");

        AttributionGraph modern = readText(MalformedInput.TINY.replace("\"node_id\": \"3_77_1\", \"feature\": 3317",
                "\"node_id\": \"3_-1_1\", \"feature\": -1").replace("cross layer transcoder", "mlp reconstruction error")
                .replace("\"3_77_1\"", "\"3_-1_1\""));
        assertEquals(NodeKind.ERROR, modern.kind(1));
        assertEquals(3, modern.layer(1));
        assertEquals(-1, modern.featureIndex(1));
    }

    @Test
    void oddity3_duplicateNodeId_keepsBothNodesAndAttributesLinksSoundly() throws Exception {
        AttributionGraph g = read("gemma-2-2b/plt/dollar.json");
        assertEquals("0_2_1", g.nodeId(0));
        assertEquals("0_2_1", g.nodeId(717));
        assertEquals(NodeKind.FEATURE, g.kind(0));
        assertEquals(NodeKind.ERROR, g.kind(717));
        // circuit-tracer never gives error nodes inputs: both embedding links go to the feature
        assertEquals(0, g.inDegree(717));
        assertEquals(2, g.inDegree(0));
        // attribution flows upward: no attributed link goes down in layer or stays in a layer
        for (int v : new int[] {0, 717}) {
            for (int i = 0; i < g.outDegree(v); i++) {
                int t = g.edgeTarget(g.outEdge(v, i));
                assertTrue(g.layer(v) < g.layer(t), g.nodeId(v) + " -> " + g.nodeId(t));
            }
        }
        // the producer wrote links sorted by (target index, source index); after attribution the file is sorted
        for (int e = 1; e < g.edgeCount(); e++) {
            int prevT = g.edgeTarget(e - 1);
            int t = g.edgeTarget(e);
            assertTrue(prevT < t || (prevT == t && g.edgeSource(e - 1) <= g.edgeSource(e)), "link " + e);
        }
        // repeated (source id, target id) pairs go one to each node (81 links name the id: python count)
        int repeatedPairs = 0;
        for (int e = 1; e < g.edgeCount(); e++) {
            for (int f = 0; f < e; f++) {
                if (g.edgeTarget(f) == g.edgeTarget(e) && g.nodeId(g.edgeSource(f)).equals(g.nodeId(g.edgeSource(e)))) {
                    assertFalse(g.edgeSource(f) == g.edgeSource(e), "link " + e);
                    repeatedPairs++;
                }
            }
        }
        assertEquals(6, repeatedPairs);
        String note = g.notes().stream().filter(n -> n.startsWith("duplicate")).findFirst().orElseThrow();
        assertTrue(note.startsWith("duplicate node id \"0_2_1\" at $.nodes[0], $.nodes[717]; kept all, 81 links"),
                note);
        assertEquals(1, g.notes().size(), g.notes().toString());
    }

    // 4. layer values: strings vs ints, "E" vs -1, logit layer n_layers+1 or max feature layer + 1
    @Test
    void oddity4_integerLayersAndMinusOneEmbeddings_readLikeStrings() throws Exception {
        AttributionGraph strings = read("claude-3.5-haiku/clt/capital-state-dallas.json");
        AttributionGraph ints = read("claude-3.5-haiku/clt/capital-state-dallas.openmoss-variant.json");
        assertEquals(strings.nodeCount(), ints.nodeCount());
        for (int v = 0; v < strings.nodeCount(); v++) {
            assertEquals(strings.nodeId(v), ints.nodeId(v));
            assertEquals(strings.layer(v), ints.layer(v), strings.nodeId(v));
            assertEquals(strings.kind(v), ints.kind(v));
            if (strings.kind(v) == NodeKind.EMBEDDING) {
                assertEquals(-1, ints.layer(v));
            }
        }
        for (int e = 0; e < strings.edgeCount(); e++) {
            assertEquals(strings.edgeSource(e), ints.edgeSource(e));
            assertEquals(strings.edgeWeight(e), ints.edgeWeight(e));
        }
    }

    @Test
    void oddity4_logitLayers_areKeptAsWritten() throws Exception {
        Map<String, Integer> expected = Map.of("gemma-2-2b/clt/meow-clt.json", 27,
                "llama-3.2-1b/clt/dallas-austin-llamma.json", 17, "lc0-bt4/plt-lorsa/bt4_win_or_go_home_k.json", 30,
                "claude-3.5-haiku/clt/capital-state-dallas.json", 18);
        for (var e : expected.entrySet()) {
            AttributionGraph g = read(e.getKey());
            for (int v = 0; v < g.nodeCount(); v++) {
                if (g.kind(v) == NodeKind.LOGIT) {
                    assertEquals(e.getValue(), g.layer(v), e.getKey());
                }
            }
        }
    }

    // 5. jsNodeId styles are kept verbatim
    @Test
    void oddity5_jsNodeIdStyles_keptInNodeExtras() throws Exception {
        ObjectMapper m = new ObjectMapper();
        AttributionGraph haiku = read("claude-3.5-haiku/clt/capital-state-dallas.json");
        assertEquals("18_16400899_-0", m.readTree(haiku.nodeExtra(0)).get("jsNodeId").asText());
        AttributionGraph ct = read("gemma-2-2b/clt/meow-clt.json");
        JsonNode extra = m.readTree(ct.nodeExtra(node(ct, "0_49560_3")));
        assertEquals("0_49560-0", extra.get("jsNodeId").asText());
        assertEquals(List.of("run_idx", "reverse_ctx_idx", "jsNodeId"), fieldNames(extra));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // 6. metadata drift: nodeThreshold, info, scan = model id or HF repo, BOS in prompts
    @Test
    void oddity6_metadataDrift_unknownFieldsKeptAndModelInferred() throws Exception {
        AttributionGraph plt = read("gemma-2-2b/plt/3plus5-plt.json");
        assertEquals("0.65", plt.metadata().extra().get("$.metadata.nodeThreshold"));
        assertTrue(plt.metadata().extra().get("$.metadata.info").contains("gemmascope-transcoder-16k"));
        assertEquals("gemma-2-2b", plt.metadata().model());
        assertEquals("<bos>3 + 5 = ", plt.metadata().prompt());

        assertEquals("gemma-2-2b", read("gemma-2-2b/plt/war_ea.json").metadata().model(),
                "scan mntss/gemma-scope-transcoders");
        assertEquals("llama-3.2-1b", read("llama-3.2-1b/clt/dallas-austin.03c838e.json").metadata().model());
        AttributionGraph haiku = read("claude-3.5-haiku/clt/capital-state-dallas.json");
        assertNull(haiku.metadata().model(), "Haiku files do not name their model");
        assertEquals("<EOT>", haiku.metadata().promptTokens().get(0));
        assertEquals("jackl-circuits-runs-1-4-sofa-v3_0", haiku.metadata().scan());
    }

    // 7. qParams with saved supernodes; lc0: no qParams, activation_info, lorsa node types
    @Test
    void oddity7_savedQParamsKept_missingQParamsAndLorsaTypesRead() throws Exception {
        AttributionGraph haiku = read("claude-3.5-haiku/clt/capital-state-dallas.json");
        JsonNode q = new ObjectMapper().readTree(haiku.metadata().extra().get("$.qParams"));
        assertEquals(6, q.get("supernodes").size());
        assertEquals(49, q.get("pinnedIds").size());
        assertFalse(read("gemma-2-2b/clt/meow-clt.json").metadata().extra().containsKey("$.qParams"),
                "default qParams are not kept");

        AttributionGraph lc0 = read("lc0-bt4/plt-lorsa/bt4_win_or_go_home_k.json");
        assertFalse(lc0.metadata().extra().containsKey("$.qParams"));
        assertTrue(lc0.metadata().extra().get("$.activation_info").startsWith("[{\"featureId\":1022,"));
        assertEquals("lc0/BT4-1024x15x32h", lc0.metadata().scan());
        assertTrue(lc0.notes().get(0).startsWith("metadata.scan missing"), lc0.notes().toString());
        int lorsa = 0;
        for (int v = 0; v < lc0.nodeCount(); v++) {
            if ("lorsa".equals(lc0.featureType(v))) {
                assertEquals(NodeKind.FEATURE, lc0.kind(v));
                lorsa++;
            } else if ("lorsa error".equals(lc0.featureType(v))) {
                assertEquals(NodeKind.ERROR, lc0.kind(v));
            }
        }
        assertEquals(40, lorsa);
    }

    // 8. self-loops, zero weights, isolated nodes, degenerate graphs, lying slugs
    @Test
    void oddity8_selfLoopsAndZeroWeights_keptAsRead() throws Exception {
        AttributionGraph dense = read("llama-3.2-1b/clt/dallas-austin.03c838e.json");
        assertEquals(256, dense.edgeCount());
        int loops = 0;
        int zeros = 0;
        for (int e = 0; e < dense.edgeCount(); e++) {
            loops += dense.edgeSource(e) == dense.edgeTarget(e) ? 1 : 0;
            zeros += dense.edgeWeight(e) == 0 ? 1 : 0;
        }
        assertEquals(16, loops);
        assertEquals(155, zeros);
    }

    @Test
    void oddity8_degenerateGraph_oneLinkNoFeatures() throws Exception {
        AttributionGraph g = read("llama-3.2-1b/clt/dallas-austin-llamma.json");
        assertEquals(0, g.count(NodeKind.FEATURE));
        assertEquals(1, g.edgeCount());
        int isolated = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            isolated += g.inDegree(v) + g.outDegree(v) == 0 ? 1 : 0;
        }
        assertEquals(19, isolated);
    }

    @Test
    void oddity8_slugThatLies_modelFromScanNotSlug() throws Exception {
        AttributionGraph g = read("gemma-2-2b/plt/dallas-austin-llamma.json");
        assertEquals("gemma-2-2b", g.metadata().model());
        assertEquals(TranscoderKind.PLT, g.metadata().transcoderKind());
    }

    @Test
    void unknownFields_keptAndWrittenBack() throws Exception {
        String json = MalformedInput.TINY.replace("\"prompt\": \"<bos>hi\"}", "\"prompt\": \"<bos>hi\", \"x_new\": {\"a\": [1, 2.5]}}")
                .replace("\"clerp\": \"\", \"activation\"", "\"clerp\": \"\", \"qk_tracing_results\": {\"k\": 1}, \"activation\"")
                .replace("\"links\": [", "\"extra_top\": true, \"links\": [");
        AttributionGraph g = readText(json);
        assertEquals("{\"a\":[1,2.5]}", g.metadata().extra().get("$.metadata.x_new"));
        assertEquals("true", g.metadata().extra().get("$.extra_top"));
        assertTrue(g.nodeExtra(1).contains("\"qk_tracing_results\":{\"k\":1}"), g.nodeExtra(1));
        var out = new java.io.ByteArrayOutputStream();
        new GraphWriter().write(g, out);
        assertEquals(g, READER.read(new ByteArrayInputStream(out.toByteArray()), "back.json"));
    }

    @Test
    void missingClerpAndJsNodeId_filledSoThatReadGraphsRoundTrip() throws Exception {
        String json = MalformedInput.TINY.replace("\"jsNodeId\": \"3_77-0\", \"clerp\": \"\", ", "");
        AttributionGraph g = readText(json);
        assertEquals("", g.label(1));
        assertEquals("{\"jsNodeId\":\"3_77-0\"}", g.nodeExtra(1));
        assertEquals(List.of("1 nodes had no jsNodeId; filled in circuit-tracer style"), g.notes());
        var out = new java.io.ByteArrayOutputStream();
        new GraphWriter().write(g, out);
        assertEquals(g, READER.read(new ByteArrayInputStream(out.toByteArray()), "back.json"));
    }
}
