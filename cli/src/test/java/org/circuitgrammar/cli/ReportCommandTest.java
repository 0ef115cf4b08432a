package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cgram census} then {@code cgram report} on shared graphs, as the README's pipeline runs them. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Path census() throws Exception {
        Path graphs = Files.createDirectories(dir.resolve("graphs"));
        for (String g : List.of("gemma-2-2b/clt/meow-clt.json", "gemma-2-2b/clt/puppy-clt.json",
                "gemma-2-2b/clt/dark.json", "gemma-2-2b/plt/war_ea.json")) {
            Files.copy(SharedData.corpusFile(g), graphs.resolve(Path.of(g).getFileName()));
        }
        Path out = dir.resolve("census");
        CliRun r = CliRun.of("census", graphs.toString(), "-n", "20", "-q", "-o", out.toString());
        assertEquals(0, r.exit, r.toString());
        return out;
    }

    @Test
    void report_censusResults_writesHtmlAndSubgraphs() throws Exception {
        Path results = census();
        Path html = dir.resolve("out/report.html");
        Files.createDirectories(html.getParent());
        Path subgraphs = dir.resolve("subgraphs");
        CliRun r = CliRun.of("report", results.toString(), "-o", html.toString(), "--by", "transcoder",
                "--recurring-min-graphs", "2", "--recurring-top", "2", "--subgraphs", subgraphs.toString());
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("wrote " + html + " (4 graphs"), r.toString());
        String text = Files.readString(html);
        assertTrue(text.contains("<section id=\"recurring\""));
        assertTrue(text.contains("cgram report " + results + " -o " + html), "the exact command");
        // the three Gemma CLT graphs share features: the listed circuits are written pinned for Neuronpedia
        List<Path> files;
        try (Stream<Path> s = Files.list(subgraphs)) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        JsonNode q = new ObjectMapper().readTree(files.get(0).toFile()).get("qParams");
        assertTrue(q.get("pinnedIds").size() >= 3);
        assertEquals(3, q.get("supernodes").size());
        assertTrue(q.at("/supernodes/0/0").asText().startsWith("X L"), q.toString());
    }

    @Test
    void report_badResultAmongGood_reportStillWrittenExit2() throws Exception {
        Path results = census();
        Files.writeString(results.resolve("bad" + CensusResultCodec.SUFFIX), "[1, 2]");
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("report", results.toString(), "-o", html.toString(), "--instances", "0",
                "--recurring-min-graphs", "0");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("bad.census.json: $: not a census result"), r.toString());
        assertTrue(Files.size(html) > 1_000_000, "ECharts is inlined");
    }

    @Test
    void report_help_listsExitCodes() {
        CliRun r = CliRun.of("report", "--help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("Exit codes:"), r.toString());
        assertTrue(r.out.contains("--recurring-min-graphs"), r.toString());
    }
}
