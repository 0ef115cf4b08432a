package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.json.Problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GraphWriterTest {
    private static final GraphReader READER = new GraphReader();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<Path> corpus() {
        return SharedData.corpusFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void write_corpusFile_readsBackEqualAndValidatesAgainstSchema(Path file) throws Exception {
        AttributionGraph original = READER.read(file);
        Path out = tmp.resolve("out").resolve(file.getFileName());
        new GraphWriter().write(original, out);

        AttributionGraph back = READER.read(out);
        assertEquals(original, back, file.toString());
        // a second trip is byte-stable: the writer's own output is its fixed point
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new GraphWriter().write(original, first);
        new GraphWriter().write(back, second);
        assertEquals(first.toString("UTF-8"), second.toString("UTF-8"));

        List<Problem> schema = new GraphValidator().validate(out).problems().stream()
                .filter(p -> p.message().startsWith("schema:")).toList();
        assertEquals(List.of(), schema, file.toString());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(out), left.toList(), "no temp file left behind");
        }
    }

    @Test
    void write_pinnedIdsAndSupernodes_replaceQParamsAndKeepTheRest() throws Exception {
        Path file = SharedData.corpusFile("claude-3.5-haiku/clt/capital-state-dallas.json");
        AttributionGraph g = READER.read(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphWriter().pinnedIds(List.of("18_16400899_11", "1_24855676_1"))
                .supernodes(List.of(new GraphWriter.Supernode("ffl", List.of("1_24855676_1", "2_16225016_1"))))
                .write(g, out);
        JsonNode written = MAPPER.readTree(out.toByteArray());
        JsonNode q = written.get("qParams");
        assertEquals("[\"18_16400899_11\",\"1_24855676_1\"]", q.get("pinnedIds").toString());
        assertEquals("[[\"ffl\",\"1_24855676_1\",\"2_16225016_1\"]]", q.get("supernodes").toString());
        JsonNode originalQ = MAPPER.readTree(file.toFile()).get("qParams");
        assertEquals(originalQ.get("clickedId"), q.get("clickedId"));
        assertEquals(originalQ.get("linkType"), q.get("linkType"));

        AttributionGraph back = READER.read(new ByteArrayInputStream(out.toByteArray()), "pinned.json");
        assertEquals(g.nodeCount(), back.nodeCount());
        assertEquals(g.edgeCount(), back.edgeCount());
    }

    @Test
    void write_graphWithoutQParams_writesDefaultQParamsThatReadBackAsAbsent() throws Exception {
        AttributionGraph g = READER.read(SharedData.corpusFile("lc0-bt4/plt-lorsa/bt4_win_or_go_home_k.json"));
        assertFalse(g.metadata().extra().containsKey("$.qParams"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphWriter().write(g, out);
        JsonNode written = MAPPER.readTree(out.toByteArray());
        assertEquals("both", written.get("qParams").get("linkType").asText());
        assertTrue(written.has("activation_info"), "unknown top-level key written back");
        assertEquals("lc0/BT4-1024x15x32h", written.get("metadata").get("scan").asText());
    }

    @Test
    void write_builderGraphWithoutExtras_synthesisesSchemaFields() throws Exception {
        AttributionGraph.Builder b = AttributionGraph.builder(
                new GraphMetadata("tiny", "gemma-2-2b", "gemma-2-2b", TranscoderKind.CLT, "<bos>hi",
                        List.of("<bos>", "hi"), null));
        b.addNode("E_2_0", NodeKind.EMBEDDING, -1, 0).feature(0);
        b.addNode("3_77_1", NodeKind.FEATURE, 3, 1).feature(FeatureIds.cantor(3, 77)).featureIndex(77)
                .activation(2.5).influence(0.4);
        b.addNode("5_-1_1", NodeKind.ERROR, 5, 1).feature(-1);
        b.addNode("27_9_1", NodeKind.LOGIT, 27, 1).feature(9).tokenProb(0.75).targetLogit(true);
        b.addEdge(0, 1, 1.5);
        b.addEdge(1, 3, -0.25);
        b.addEdge(2, 3, 0.0);
        Path out = tmp.resolve("tiny.json");
        new GraphWriter().write(b.build(), out);

        JsonNode nodes = MAPPER.readTree(out.toFile()).get("nodes");
        assertEquals("E_2-0", nodes.get(0).get("jsNodeId").asText());
        assertEquals("E", nodes.get(0).get("layer").asText());
        assertEquals("3_77-0", nodes.get(1).get("jsNodeId").asText());
        assertEquals("5_-1-1", nodes.get(2).get("jsNodeId").asText());
        assertEquals("L_9-1", nodes.get(3).get("jsNodeId").asText());
        assertEquals("mlp reconstruction error", nodes.get(2).get("feature_type").asText());
        assertTrue(nodes.get(3).get("influence").isNull());
        assertEquals(0.75, nodes.get(3).get("token_prob").asDouble());
        assertTrue(new GraphValidator().validate(out).problems().isEmpty(),
                () -> new GraphValidator().validate(out).problems().toString());

        AttributionGraph back = READER.read(out);
        assertEquals(77, back.featureIndex(1));
        assertEquals(-0.25, back.edgeWeight(1));
        assertTrue(Double.isNaN(back.activation(0)));
    }

    @Test
    void write_failingContent_leavesExistingTargetUntouched() throws Exception {
        Path target = tmp.resolve("keep.json");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> org.circuitgrammar.corpus.AtomicWrite.write(target, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(target), left.toList());
        }
    }

    @Test
    void validate_writerOutput_hasNoErrors() throws Exception {
        Path out = tmp.resolve("dollar.json");
        new GraphWriter().write(READER.read(SharedData.corpusFile("gemma-2-2b/plt/dollar.json")), out);
        assertTrue(new GraphValidator().validate(out).problems().stream()
                .noneMatch(p -> p.severity() == Severity.ERROR));
    }
}
