package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3's malformed inputs: each gives one {@link InvalidGraphException} line {@code FILE: $.path: reason}. */
class GraphReaderMalformedTest {
    private static final GraphReader READER = new GraphReader();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        MalformedInput.writeAll(dir);
    }

    @Test
    void read_tinyValidGraph_reads() throws Exception {
        AttributionGraph g = READER.read(new ByteArrayInputStream(MalformedInput.TINY.getBytes(StandardCharsets.UTF_8)),
                "tiny.json");
        assertEquals(3, g.nodeCount());
        assertEquals(2, g.edgeCount());
        assertEquals(77, g.featureIndex(1), "3317 = cantor(3, 77)");
    }

    @Test
    void read_eachMalformedFile_failsWithOneLineNamingFileAndPath() {
        for (Map.Entry<String, String> e : MalformedInput.expectedErrors().entrySet()) {
            Path file = dir.resolve(e.getKey());
            InvalidGraphException ex = assertThrows(InvalidGraphException.class, () -> READER.read(file), e.getKey());
            String line = ex.getMessage();
            assertFalse(line.contains("\n"), line);
            assertTrue(line.startsWith(file + ": " + e.getValue()), line);
            assertEquals(file, ex.file());
        }
    }

    @Test
    void read_randomBytes_stopsWithinTheFirstMegabyte() throws Exception {
        Path file = dir.resolve("random-bytes.json");
        assertEquals(MalformedInput.RANDOM_BYTES, Files.size(file));
        long[] consumed = new long[1];
        try (InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                consumed[0] += Math.max(n, 0);
                return n;
            }
        }) {
            assertThrows(InvalidGraphException.class, () -> READER.read(in, file.toString()));
        }
        assertTrue(consumed[0] < (1 << 20), "read " + consumed[0] + " bytes");
    }

    @Test
    void read_missingFile_isAnInvalidGraphException() {
        Path missing = dir.resolve("nope.json");
        InvalidGraphException ex = assertThrows(InvalidGraphException.class, () -> READER.read(missing));
        assertTrue(ex.getMessage().startsWith(missing + ": cannot read: "), ex.getMessage());
    }

    @Test
    void read_otherBadValues_nameTheirPath() {
        String[][] cases = {
            {"[1, 2]", "$: expected a JSON object, found an array"},
            {MalformedInput.TINY.replace("\"links\": [", "\"linkz\": ["), "$: missing \"links\""},
            {MalformedInput.TINY.replace("\"node_id\": \"E_2_0\",", ""), "$.nodes[0]: missing node_id"},
            {MalformedInput.TINY.replace("\"feature_type\": \"logit\",", ""), "$.nodes[2]: missing feature_type"},
            {MalformedInput.TINY.replace("\"layer\": \"3\"", "\"layer\": \"three\""),
                "$.nodes[1].layer: unparseable layer \"three\""},
            {MalformedInput.TINY.replace("\"ctx_idx\": 1,", "\"ctx_idx\": \"1\","),
                "$.nodes[1].ctx_idx: expected an integer, found a string"},
            {MalformedInput.TINY.replace("\"activation\": 2.5", "\"activation\": Infinity"),
                "$.nodes[1].activation: non-finite number Infinity"},
            {MalformedInput.TINY.replace("\"weight\": -0.25", "\"weight\": null"),
                "$.links[1].weight: expected a number, found null"},
            {MalformedInput.TINY.replace("\"source\": \"E_2_0\",", ""), "$.links[0]: missing source"},
            {MalformedInput.TINY.replace("\"feature\": 3317", "\"feature\": 99999999999999999999999"),
                "$.nodes[1].feature: integer out of range"},
            {MalformedInput.TINY + "{}", "$: trailing content after the top-level object"},
            {MalformedInput.TINY.replace("\"prompt_tokens\": [\"<bos>\", \"hi\"]", "\"prompt_tokens\": [\"<bos>\", 5]"),
                "$.metadata.prompt_tokens[1]: expected a string, found an integer"},
            {"{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}", "$: too deeply nested"},
        };
        for (String[] c : cases) {
            InvalidGraphException ex = assertThrows(InvalidGraphException.class,
                    () -> READER.read(new ByteArrayInputStream(c[0].getBytes(StandardCharsets.UTF_8)), "in.json"),
                    c[1]);
            assertTrue(ex.getMessage().startsWith("in.json: " + c[1]), ex.getMessage());
            assertFalse(ex.getMessage().contains("\n"), ex.getMessage());
        }
    }

    @Test
    void read_linksBeforeNodes_resolvesTheSame() throws Exception {
        String reordered = "{\"links\": [{\"source\": \"E_2_0\", \"target\": \"3_77_1\", \"weight\": 1.5},"
                + " {\"source\": \"3_77_1\", \"target\": \"27_9_1\", \"weight\": -0.25}],"
                + MalformedInput.TINY.substring(1, MalformedInput.TINY.indexOf(",\n \"links\"")) + "}";
        AttributionGraph a = READER.read(new ByteArrayInputStream(reordered.getBytes(StandardCharsets.UTF_8)), "r.json");
        AttributionGraph b = READER.read(new ByteArrayInputStream(
                MalformedInput.TINY.getBytes(StandardCharsets.UTF_8)), "t.json");
        assertEquals(b, a);
    }
}
