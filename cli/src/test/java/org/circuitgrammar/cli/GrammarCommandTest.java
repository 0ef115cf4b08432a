package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.motifs.baseline.BaselineCodec;
import org.circuitgrammar.motifs.baseline.GrammarBaseline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grammar commands' inputs, options and exit codes on small graphs (the corpus checks are elsewhere). */
class GrammarCommandTest {
    private static final Path MEOW = SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json");
    private static final Path BEE = SharedData.corpusFile("gemma-2-2b/clt/bee-insect-clt.json");
    private static final Path NOBEL = SharedData.corpusFile(
            "gemma-2-2b/clt/nobelcomesfromth-1761108237891_2025-10-22t04-46-53-163z.json");

    @TempDir
    static Path dir;
    private static Path baseline;
    private static Path results;

    @BeforeAll
    static void baselineOfThreeGraphs() {
        baseline = dir.resolve("grammar.json");
        CliRun run = CliRun.of("grammar", "baseline", MEOW.toString(), BEE.toString(), NOBEL.toString(),
                "--by", "model", "-n", "20", "--threads", "2", "-o", baseline.toString());
        assertEquals(0, run.exit, run.toString());
        results = dir.resolve("results");
        CliRun census = CliRun.of("census", MEOW.toString(), BEE.toString(), "-n", "20", "--threads", "2", "-q",
                "-o", results.toString());
        assertEquals(0, census.exit, census.toString());
    }

    @Test
    void help_listsOptionsAndExitCodes() {
        CliRun check = CliRun.of("grammar", "check", "--help");
        assertEquals(0, check.exit);
        for (String s : List.of("--baseline", "--rules", "--json", "--junit", "--seed", "--allow-mixed-settings",
                "a regression: some rule broke")) {
            assertTrue(check.out.contains(s), s + " in " + check.out);
        }
        CliRun base = CliRun.of("grammar", "baseline", "--help");
        for (String s : List.of("--by", "--null", "-n", "--resamples", "--near-duplicate", "--output")) {
            assertTrue(base.out.contains(s), s + " in " + base.out);
        }
    }

    @Test
    void baseline_recordsGroupSpecAndInputHashes() throws IOException {
        GrammarBaseline b = BaselineCodec.read(baseline);
        assertEquals(List.of("gemma-2-2b"), b.groups().stream().map(g -> g.group()).toList());
        assertEquals(20, b.spec().census().samples());
        assertEquals(3, b.provenance().inputs().size());
        assertEquals(64, b.provenance().inputs().get(0).sha256().length());
        assertEquals(3, b.provenance().parents().size());
    }

    @Test
    void baseline_otherThreadCount_sameGroups() throws IOException {
        Path one = dir.resolve("one-thread.json");
        assertEquals(0, CliRun.of("grammar", "baseline", MEOW.toString(), BEE.toString(), NOBEL.toString(),
                "--by", "model", "-n", "20", "--threads", "1", "-o", one.toString()).exit);
        assertEquals(BaselineCodec.read(baseline).groups(), BaselineCodec.read(one).groups());
    }

    @Test
    void baseline_resultFilesWithCensusOptions_exit2() {
        CliRun run = CliRun.of("grammar", "baseline", results.toString(), "-n", "50", "-o",
                dir.resolve("x.json").toString());
        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("-n apply to graphs"), run.err);
    }

    @Test
    void baseline_resultFilesWithDifferentSettings_exit2UnlessAllowedThenRecorded() throws IOException {
        Path mixed = dir.resolve("mixed-results");
        assertEquals(0, CliRun.of("census", MEOW.toString(), "-n", "20", "-q", "-o", mixed.toString()).exit);
        assertEquals(0, CliRun.of("census", BEE.toString(), "-n", "10", "-q", "-o", mixed.toString()).exit);
        Path out = dir.resolve("mixed.json");
        CliRun refused = CliRun.of("grammar", "baseline", mixed.toString(), "-o", out.toString());
        assertEquals(2, refused.exit, refused.toString());
        assertTrue(refused.err.contains("samples 10 vs 20 (--allow-mixed-settings"), refused.err);
        CliRun allowed = CliRun.of("grammar", "baseline", mixed.toString(), "--allow-mixed-settings", "-o",
                out.toString());
        assertEquals(0, allowed.exit, allowed.toString());
        assertTrue(BaselineCodec.read(out).spec().mixedSettings());
    }

    @Test
    void check_sameGraphsAgain_exit0_andTheTableSaysPass() {
        CliRun run = CliRun.of("grammar", "check", MEOW.toString(), BEE.toString(), NOBEL.toString(),
                "--baseline", baseline.toString(), "--threads", "2");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.contains("group gemma-2-2b: 3 graph(s) checked"), run.out);
        assertTrue(run.out.endsWith("grammar check: pass\n"), run.out);
    }

    @Test
    void check_jsonToStdout_isTheReportInsteadOfTheTable() throws IOException {
        CliRun run = CliRun.of("grammar", "check", MEOW.toString(), "--baseline", baseline.toString(), "--json", "-");
        assertEquals(0, run.exit, run.toString());
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out);
        assertEquals("gemma-2-2b", report.path("groups").path(0).path("group").asText());
        assertEquals("effect-band", report.path("groups").path(0).path("rules").path(0).path("rule").asText());
        assertTrue(report.path("groups").path(0).path("rules").path(0).path("findings").size() > 0);
    }

    @Test
    void check_resultFilesWithTheBaselinesSettings_areRead() {
        CliRun run = CliRun.of("grammar", "check", results.toString(), "--baseline", baseline.toString());
        assertTrue(run.exit == 0 || run.exit == 1, run.toString());
        assertTrue(run.out.contains("group gemma-2-2b: 2 graph(s) checked"), run.out);
    }

    @Test
    void check_resultFilesWithOtherSettings_exit2UnlessAllowed() {
        Path other = dir.resolve("other-results");
        assertEquals(0, CliRun.of("census", MEOW.toString(), "-n", "10", "-q", "-o", other.toString()).exit);
        CliRun refused = CliRun.of("grammar", "check", other.toString(), "--baseline", baseline.toString());
        assertEquals(2, refused.exit, refused.toString());
        assertTrue(refused.err.contains(".census.json: $.provenance.config: census settings differ from the "
                + "baseline's: samples 20 vs 10"), refused.err);
        CliRun allowed = CliRun.of("grammar", "check", other.toString(), "--baseline", baseline.toString(),
                "--allow-mixed-settings");
        assertTrue(allowed.exit == 0 || allowed.exit == 1, allowed.toString());
    }

    @Test
    void check_badInputs_exit2WithOneLineNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.json");
        CliRun noBaseline = CliRun.of("grammar", "check", MEOW.toString(), "--baseline", missing.toString());
        assertEquals(2, noBaseline.exit);
        assertTrue(noBaseline.err.startsWith(missing + ": "), noBaseline.err);
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, "profile: {min-cosinus: 0.5}\n");
        CliRun badRules = CliRun.of("grammar", "check", MEOW.toString(), "--baseline", baseline.toString(),
                "--rules", rules.toString());
        assertEquals(2, badRules.exit);
        assertTrue(badRules.err.startsWith(rules + ": $.profile"), badRules.err);
        assertEquals(1, badRules.err.lines().count(), badRules.err);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"nodes\": [");
        CliRun badGraph = CliRun.of("grammar", "check", broken.toString(), "--baseline", baseline.toString());
        assertEquals(2, badGraph.exit);
        assertTrue(badGraph.err.startsWith(broken.toString()), badGraph.err);
    }

    @Test
    void check_graphOfAGroupWithoutBaseline_exit2() {
        Path haiku = SharedData.corpusFile("claude-3.5-haiku/clt/capital-state-dallas.json");
        CliRun run = CliRun.of("grammar", "check", haiku.toString(), "--baseline", baseline.toString());
        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("has no baseline"), run.err);
    }

    @Test
    void check_mixOfGraphsAndResults_exit2() {
        CliRun run = CliRun.of("grammar", "check", MEOW.toString(), results.toString(), "--baseline",
                baseline.toString());
        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("mix census result files"), run.err);
    }
}
