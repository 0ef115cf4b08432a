package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.json.Problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GraphValidatorTest {
    private static final GraphValidator VALIDATOR = new GraphValidator();

    @TempDir
    Path tmp;

    static Stream<JsonNode> fixtures() {
        return CorpusFixtures.rows();
    }

    /** Expected counts come from scripts/corpus_fixtures.py; the manifest says only the lc0 file breaks the schema. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void validate_corpusFile_reportsExactlyTheKnownOddities(JsonNode f) {
        String file = f.get("file").asText();
        GraphValidator.Report r = VALIDATOR.validate(SharedData.corpusFile(file));
        assertNotNull(r.graph(), file);
        List<Problem> problems = r.problems();
        assertTrue(problems.stream().allMatch(p -> p.severity() == Severity.WARNING), file);
        assertEquals(f.get("selfLoops").asInt(), count(problems, "self-loop"), file);
        assertEquals(f.get("downLinks").asInt(), count(problems, "link goes down"), file);
        assertEquals(f.get("duplicateIds").size(), count(problems, "duplicate node id"), file);
        List<String> schema = problems.stream().filter(p -> p.message().startsWith("schema:"))
                .map(p -> p.path() + " " + p.message()).toList();
        if (file.startsWith("lc0-bt4/")) {
            assertEquals(2, schema.size(), schema.toString());
            assertTrue(schema.stream().anyMatch(s -> s.contains("qParams")), schema.toString());
            assertTrue(schema.stream().anyMatch(s -> s.startsWith("$.metadata") && s.contains("scan")),
                    schema.toString());
        } else {
            assertEquals(List.of(), schema, file);
        }
    }

    private static long count(List<Problem> problems, String prefix) {
        return problems.stream().filter(p -> p.message().startsWith(prefix)).count();
    }

    @Test
    void validate_duplicateId_pointsAtTheSecondNodeAndTheFirst() {
        Path dollar = SharedData.corpusFile("gemma-2-2b/plt/dollar.json");
        Problem p = VALIDATOR.validate(dollar).problems().stream()
                .filter(x -> x.message().startsWith("duplicate")).findFirst().orElseThrow();
        assertEquals(dollar + ": $.nodes[717].node_id: warning: duplicate node id \"0_2_1\" (also at $.nodes[0])",
                p.toLine());
    }

    @Test
    void validate_unreadableFile_givesOneErrorAndNoGraph() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"nodes\": [{\"node_id\": \"a\", \"layer\": {}, \"feature_type\": \"logit\"}]}");
        GraphValidator.Report r = VALIDATOR.validate(bad);
        assertNull(r.graph());
        assertEquals(List.of(new Problem(bad, "$.nodes[0].layer",
                "expected a string or integer layer, found an object", Severity.ERROR)), r.problems());
    }

    @Test
    void validate_schemaViolationInReadableFile_isAWarningAtItsPath() throws Exception {
        Path f = tmp.resolve("noscan.json");
        Files.writeString(f, """
                {"metadata": {"slug": "s", "prompt_tokens": [], "prompt": ""}, "qParams": {},
                 "nodes": [{"node_id": "E_1_0", "feature": 0, "layer": "E", "ctx_idx": 0,
                            "feature_type": "embedding", "jsNodeId": "E_1-0", "clerp": 7}],
                 "links": []}""");
        GraphValidator.Report r = VALIDATOR.validate(f);
        assertNull(r.graph(), "clerp 7 is not a string: the reader rejects it");
        Files.writeString(f, """
                {"metadata": {"slug": "s", "prompt_tokens": [], "prompt": ""}, "qParams": {},
                 "nodes": [{"node_id": "E_1_0", "feature": 0, "layer": "E", "ctx_idx": 0,
                            "feature_type": "embedding", "clerp": ""}],
                 "links": []}""");
        List<String> lines = VALIDATOR.validate(f).problems().stream().map(Problem::toLine).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(f + ": $.metadata: warning: schema: ")
                && l.contains("scan")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(f + ": $.nodes[0]: warning: schema: ")
                && l.contains("jsNodeId")), lines.toString());
    }
}
