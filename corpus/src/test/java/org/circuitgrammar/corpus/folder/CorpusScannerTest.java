package org.circuitgrammar.corpus.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.json.MalformedInput;
import org.circuitgrammar.corpus.json.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusScannerTest {
    @TempDir
    Path tmp;

    private static Map<String, JsonNode> fixtures() throws IOException {
        Map<String, JsonNode> byFile = new HashMap<>();
        try (InputStream in = CorpusScannerTest.class.getResourceAsStream("/fixtures/corpus-counts.json")) {
            new ObjectMapper().readTree(in).forEach(f -> byFile.put(f.get("file").asText(), f));
        }
        return byFile;
    }

    @Test
    void scan_sharedCorpus_oneRowPerFileMatchingThePythonFixture() throws Exception {
        Map<String, JsonNode> fixtures = fixtures();
        List<CorpusEntry> rows = new CorpusScanner().scan(SharedData.corpus());
        assertEquals(51, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).path().toString().compareTo(rows.get(i).path().toString()) < 0, "sorted");
        }
        for (CorpusEntry r : rows) {
            JsonNode f = fixtures.get(r.path().toString().replace('\\', '/'));
            String name = r.path().toString();
            assertTrue(r.readable(), name);
            assertEquals(f.get("sha256").asText(), r.sha256(), name);
            assertEquals(f.get("nodes").asInt(), r.nodes(), name);
            for (NodeKind k : NodeKind.values()) {
                assertEquals(f.get("kinds").get(k.name()).asInt(), r.nodes(k), name);
            }
            assertEquals(f.get("links").asInt(), r.edges(), name);
            double share = f.get("links").asInt() == 0 ? 0 : f.get("negativeLinks").asDouble() / f.get("links").asInt();
            assertEquals(share, r.negativeEdgeShare(), 1e-12, name);
            if (!f.get("maxFeatureLayer").isNull()) {
                assertEquals(f.get("minFeatureLayer").asInt(), r.minFeatureLayer(), name);
                assertEquals(f.get("maxFeatureLayer").asInt(), r.maxFeatureLayer(), name);
            } else {
                assertEquals(CorpusEntry.NO_LAYER, r.maxFeatureLayer(), name);
            }
            if (f.get("logitLayers").size() > 0) {
                assertEquals(f.get("logitLayers").get(f.get("logitLayers").size() - 1).asInt(), r.logitLayer(), name);
            }
            assertTrue(r.problems().stream().allMatch(p -> p.file().equals(r.path())), name);
        }
    }

    @Test
    void scan_folderWithMalformedFiles_reportsEveryGoodFileAndEachReason() throws Exception {
        Path dir = tmp.resolve("mixed");
        MalformedInput.writeAll(dir.resolve("bad"));
        Files.createDirectories(dir.resolve("good"));
        Files.copy(SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json"), dir.resolve("good/meow.json"));
        Files.copy(SharedData.corpusFile("llama-3.2-1b/clt/dallas-austin-llamma.json"), dir.resolve("good/llama.json"));
        Files.writeString(dir.resolve("good/notes.txt"), "not a graph");

        List<CorpusEntry> rows = new CorpusScanner().scan(dir);
        assertEquals(MalformedInput.expectedErrors().size() + 2, rows.size());
        for (CorpusEntry r : rows) {
            if (r.path().startsWith("good")) {
                assertTrue(r.readable(), r.path().toString());
                assertEquals(List.of(), r.problems(), r.path().toString());
            } else {
                assertFalse(r.readable(), r.path().toString());
                assertEquals(1, r.problems().size());
                Problem p = r.problems().get(0);
                String expected = MalformedInput.expectedErrors().get(r.path().getFileName().toString());
                assertTrue((p.path() + ": " + p.message()).startsWith(expected), p.toLine());
                assertEquals(64, r.sha256().length());
            }
        }
        assertEquals("good/llama.json", rows.get(rows.size() - 2).path().toString());
    }

    @Test
    void sha256_knownVector() throws Exception {
        Path f = tmp.resolve("abc");
        Files.writeString(f, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileDigest.sha256(f));
    }
}
