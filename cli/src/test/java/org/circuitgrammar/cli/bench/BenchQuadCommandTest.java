package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQuadCommandTest {
    /** war_ea.json's analysed view has 269326 connected 4-node sets (igraph motifs_randesu(size=4), the sum). */
    private static final Path WAR = shared().resolve("corpus/gemma-2-2b/plt/war_ea.json");

    private static Path shared() {
        String dir = System.getProperty("cgram.shared.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
    }

    @Test
    void help_listsOptionsAndExitCodes() {
        CliRun r = CliRun.of("bench", "quad", "--help");
        assertEquals(0, r.exit, r.toString());
        for (String s : new String[] {"--runs", "--warmup", "--threads", "--igraph", "Exit codes:"}) {
            assertTrue(r.out.contains(s), s + "\n" + r);
        }
    }

    @Test
    void file_countsEveryConnectedSet() {
        CliRun r = CliRun.of("bench", "quad", WAR.toString(), "--runs", "1", "--warmup", "0", "--threads", "2");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("war_ea.json") && l.contains(" 269326 ")), r.toString());
        assertTrue(r.out.contains("total: 1 files, 269326 connected 4-node sets"), r.toString());
    }

    @Test
    void folder_isSearchedForJson() {
        CliRun r = CliRun.of("bench", "quad", shared().resolve("corpus/claude-3.5-haiku").toString(), "--runs",
                "1", "--warmup", "0");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("total: 2 files, 1986678 connected 4-node sets"), r.toString());
    }

    @Test
    void igraph_sameEdgeList_countsAgree() {
        assumeTrue(IgraphCensus.available("/usr/bin/python3"), "python3-igraph not installed");
        CliRun r = CliRun.of("bench", "quad", WAR.toString(), "--runs", "1", "--warmup", "0", "--igraph");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("war_ea.json") && l.endsWith("agree")), r.toString());
    }

    @Test
    void badArguments_areUsageErrors(@TempDir Path dir) {
        assertEquals(2, CliRun.of("bench", "quad", WAR.toString(), "--runs", "0").exit);
        CliRun missing = CliRun.of("bench", "quad", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exit, missing.toString());
        assertTrue(missing.err.startsWith(dir.resolve("nope.json").toString()), missing.toString());
    }
}
