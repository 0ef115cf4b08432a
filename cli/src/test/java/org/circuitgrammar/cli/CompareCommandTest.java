package org.circuitgrammar.cli;

import static org.circuitgrammar.reports.ResultFixtures.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    /** Three clt graphs (I1 log2 1, 2, 3) and three plt graphs (4, 5, 6) written as result files. */
    @BeforeEach
    void writeResults() throws Exception {
        for (int k = 0; k < 6; k++) {
            boolean clt = k < 3;
            CensusResultCodec.write(dir.resolve("g" + k + CensusResultCodec.SUFFIX), graph("g" + k)
                    .transcoder(clt ? TranscoderKind.CLT : TranscoderKind.PLT)
                    .prompt(k == 0 ? "The capital of Texas" : "2 + 2 =")
                    .row(NullKind.LPC, MotifFamily.SIGNED, "I1", k + 1, 10, 1).build());
        }
    }

    @Test
    void compare_byTranscoder_tableWithTestAndSentence() {
        CliRun r = CliRun.of("compare", dir.toString(), "--by", "transcoder");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("6 graph(s) grouped by transcoder: clt (3), plt (3)"), r.toString());
        // exact Mann-Whitney of {1,2,3} vs {4,5,6}: p = 2/20
        assertTrue(r.out.contains("mann-whitney U=0.000 p=0.100 q=0.100"), r.toString());
    }

    @Test
    void compare_json_toFileAtomically() throws Exception {
        Path out = dir.resolve("out/compare.json");
        Files.createDirectories(out.getParent());
        CliRun r = CliRun.of("compare", dir.toString(), "--by", "transcoder", "--json", "-o", out.toString());
        assertEquals(0, r.exit, r.toString());
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals(0.1, root.at("/nulls/0/motifs/0/test/p").asDouble(), 1e-12);
    }

    @Test
    void compare_categoryRules_ungroupedReported() {
        CliRun r = CliRun.of("compare", dir.toString(), "--by", "category", "--category-rule", "recall=capital",
                "--csv");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("lpc,signed/I1,recall,1,1.0"), r.toString());
        assertTrue(r.out.contains("lpc,signed/I1,(none),5,4.0"), r.toString());
    }

    @Test
    void compare_badResultFile_reportedOthersComparedExit2() throws Exception {
        Files.writeString(dir.resolve("broken" + CensusResultCodec.SUFFIX), "{\"formatVersion\": 1}");
        CliRun r = CliRun.of("compare", dir.toString(), "--by", "transcoder");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("broken.census.json: $.formatVersion: census result format 1"), r.toString());
        assertEquals(1, r.err.lines().count(), r.toString());
        assertTrue(r.out.startsWith("6 graph(s)"), r.toString());
    }

    @Test
    void compare_badCategoryRuleOrMissingInput_exit2() {
        CliRun bad = CliRun.of("compare", dir.toString(), "--by", "category", "--category-rule", "x=(");
        assertEquals(2, bad.exit, bad.toString());
        assertTrue(bad.err.startsWith("category rule 'x=(': bad regular expression"), bad.toString());
        CliRun missing = CliRun.of("compare", dir.resolve("nope").toString());
        assertEquals(2, missing.exit, missing.toString());
        assertTrue(missing.err.contains("nope"), missing.toString());
    }
}
