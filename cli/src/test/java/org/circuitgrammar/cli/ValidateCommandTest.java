package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.json.MalformedInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    static Path bad;

    @BeforeAll
    static void writeMalformed() throws Exception {
        MalformedInput.writeAll(bad);
    }

    @Test
    void help_describesExitCodes() {
        CliRun r = CliRun.of("validate", "--help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Usage: cgram validate"), r.out);
        assertTrue(r.out.contains("2   a file cannot be read"), r.out);
    }

    @Test
    void validate_cleanFile_printsOkAndExitsZero() {
        Path meow = SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json");
        CliRun r = CliRun.of("validate", meow.toString());
        assertEquals(0, r.exit, r.toString());
        assertEquals(meow + ": ok\n", r.out.replace("\r\n", "\n"));
        assertEquals("", r.err);
    }

    @Test
    void validate_fileWithProblems_exitsOneWithALinePerProblem() {
        Path dense = SharedData.corpusFile("llama-3.2-1b/clt/dallas-austin.03c838e.json");
        CliRun r = CliRun.of("validate", dense.toString());
        assertEquals(1, r.exit, r.toString());
        List<String> lines = r.out.lines().toList();
        assertEquals(16 + 103, lines.size(), "16 self-loops + 103 down links (python fixture)");
        assertTrue(lines.get(0).startsWith(dense + ": $.links["), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.contains(": warning: ")), r.out);
    }

    @Test
    void validate_eachMalformedFile_exitsTwoWithOneLine() {
        for (Map.Entry<String, String> e : MalformedInput.expectedErrors().entrySet()) {
            Path file = bad.resolve(e.getKey());
            CliRun r = CliRun.of("validate", file.toString());
            assertEquals(2, r.exit, r.toString());
            assertEquals(1, r.err.lines().count(), r.toString());
            assertTrue(r.err.startsWith(file + ": " + e.getValue()), r.toString());
            assertEquals("", r.out);
        }
    }

    @Test
    void validate_manyFiles_reportsEachAndGoesOn() {
        Path meow = SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json");
        Path unknown = bad.resolve("unknown-target.json");
        Path dollar = SharedData.corpusFile("gemma-2-2b/plt/dollar.json");
        CliRun r = CliRun.of("validate", unknown.toString(), meow.toString(), bad.resolve("empty.json").toString(),
                dollar.toString());
        assertEquals(2, r.exit, r.toString());
        assertEquals(List.of(unknown + ": $.links[1].target: unknown node id \"x\"", bad.resolve("empty.json")
                + ": $: empty file"), r.err.lines().toList());
        assertEquals(List.of(meow + ": ok", dollar
                + ": $.nodes[717].node_id: warning: duplicate node id \"0_2_1\" (also at $.nodes[0])"),
                r.out.lines().toList());
    }

    @Test
    void validate_noFile_isAUsageError() {
        CliRun r = CliRun.of("validate");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("Missing required parameter"), r.err);
    }
}
