package org.circuitgrammar.corpus.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    /** A step's options record, as each step defines its own. */
    record ToyStep(int samples, List<String> nulls) implements StepConfig {
        @Override
        public String step() {
            return "toy";
        }
    }

    private static final Instant START = Instant.parse("2026-11-24T18:00:00Z");

    @Test
    void jackson_serialisesEveryPartAsNestedObjects() {
        RunInfo run = RunInfo.capture(ProvenanceTest.class, "abc123", List.of("census", "-n", "5"), START, 2);
        InputRef in = new InputRef("g.json", "0".repeat(63) + "1", 42);
        Provenance parent = new Provenance(run, List.of(), new ToyStep(0, List.of()), null, List.of());
        Provenance p = new Provenance(run, List.of(in), new ToyStep(5, List.of("lpc", "config")),
                new SeedInfo(7, "one stream per sample"), List.of(parent));
        JsonNode tree = new ObjectMapper().valueToTree(p);
        assertEquals("abc123", tree.at("/run/gitCommit").asText());
        assertEquals("-n", tree.at("/run/argv/1").asText());
        assertEquals("2026-11-24T18:00:00Z", tree.at("/run/startedAt").asText());
        assertEquals(System.getProperty("java.version"), tree.at("/run/javaVersion").asText());
        assertEquals(2, tree.at("/run/threads").asInt());
        assertEquals(42, tree.at("/inputs/0/size").asLong());
        assertEquals("toy", tree.at("/config/step").asText());
        assertEquals(5, tree.at("/config/samples").asInt());
        assertEquals("config", tree.at("/config/nulls/1").asText());
        assertEquals(7, tree.at("/seeds/rootSeed").asLong());
        assertTrue(tree.at("/parents/0/seeds").isNull());
        assertEquals(0, tree.at("/parents/0/config/samples").asInt());
    }

    @Test
    void capture_classesWithoutManifest_developmentBuild() {
        RunInfo run = RunInfo.capture(ProvenanceTest.class, null, List.of(), START, 1);
        assertEquals(RunInfo.DEVELOPMENT_BUILD, run.toolVersion());
        assertEquals(System.getProperty("os.arch"), run.arch());
    }

    @Test
    void runInfo_badValues_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RunInfo.capture(ProvenanceTest.class, null, List.of(), START, 0));
        assertThrows(RuntimeException.class,
                () -> new RunInfo("1", null, List.of(), "yesterday", "17", "Linux", "amd64", 1));
    }
}
