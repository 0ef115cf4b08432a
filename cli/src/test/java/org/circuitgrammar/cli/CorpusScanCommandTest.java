package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.json.MalformedInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusScanCommandTest {
    @TempDir
    static Path mixed;

    /** Two good graphs and every malformed file of issue 3, in subfolders. */
    @BeforeAll
    static void makeFolder() throws Exception {
        MalformedInput.writeAll(mixed.resolve("bad"));
        Files.createDirectories(mixed.resolve("good"));
        Files.copy(SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json"), mixed.resolve("good/meow.json"));
        Files.copy(SharedData.corpusFile("gemma-2-2b/plt/dollar.json"), mixed.resolve("good/dollar.json"));
    }

    @Test
    void help_worksForParentAndScan() {
        CliRun parent = CliRun.of("corpus");
        assertEquals(0, parent.exit, parent.toString());
        assertTrue(parent.out.contains("scan"), parent.out);
        CliRun r = CliRun.of("corpus", "scan", "--help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Usage: cgram corpus scan"), r.out);
        assertTrue(r.out.contains("--strict"), r.out);
    }

    @Test
    void scan_sharedCorpusAsCsv_oneRowPerFile() throws Exception {
        CliRun r = CliRun.of("corpus", "scan", SharedData.corpus().toString(), "--format", "csv");
        assertEquals(0, r.exit, r.toString());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out)).getRecords();
        assertEquals(51, rows.size());
        CSVRecord haiku = rows.get(0);
        assertEquals("claude-3.5-haiku/clt/capital-state-dallas.json", haiku.get("path"));
        assertEquals("clt", haiku.get("transcoder"));
        assertEquals("global", haiku.get("encoding"));
        assertEquals("71", haiku.get("features"));
        assertEquals("2205", haiku.get("edges"));
        assertEquals("0.3007", haiku.get("negative_share"), "663 / 2205 (python fixture)");
        assertEquals("18", haiku.get("logit_layer"));
        assertEquals("9b1f9f0e0326dcaf5ed5d372377e1bae883584befa3901fd845de95035317d21", haiku.get("sha256"));
    }

    @Test
    void scan_folderWithMalformedFiles_reportsEveryGoodFileAndEachReason() throws Exception {
        CliRun r = CliRun.of("corpus", "scan", mixed.toString(), "--format", "json");
        assertEquals(0, r.exit, r.toString());
        JsonNode rows = new ObjectMapper().readTree(r.out);
        assertEquals(MalformedInput.expectedErrors().size() + 2, rows.size());
        int good = 0;
        for (JsonNode row : rows) {
            String path = row.get("path").asText();
            if (path.startsWith("good/")) {
                assertTrue(row.get("readable").asBoolean(), path);
                good++;
            } else {
                assertTrue(!row.get("readable").asBoolean(), path);
                String expected = MalformedInput.expectedErrors().get(path.substring("bad/".length()));
                assertTrue(row.get("problems").get(0).asText().startsWith(expected), row.toString());
            }
        }
        assertEquals(2, good);
    }

    @Test
    void scan_strict_exitsOneWhenAProblemIsFound() {
        assertEquals(1, CliRun.of("corpus", "scan", mixed.toString(), "--strict").exit);
        CliRun table = CliRun.of("corpus", "scan", mixed.toString());
        assertTrue(table.out.lines().anyMatch(l -> l.startsWith("good/dollar.json") && l.endsWith("1 warning")),
                table.out);
        assertTrue(table.out.lines().anyMatch(l -> l.startsWith("bad/nan-weight.json")
                && l.endsWith("$.links[0].weight: non-finite number NaN")), table.out);
    }

    @Test
    void scan_strictOnCleanFolder_exitsZero() throws Exception {
        Path clean = mixed.resolveSibling(mixed.getFileName() + "-clean");
        Files.createDirectories(clean);
        Files.copy(SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json"), clean.resolve("meow.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun r = CliRun.of("corpus", "scan", clean.toString(), "--strict", "--output",
                clean.resolve("out/scan.csv").toString(), "--format", "csv");
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.out);
        List<String> lines = Files.readAllLines(clean.resolve("out/scan.csv"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("meow.json,"), lines.toString());
    }

    @Test
    void scan_missingFolder_exitsTwo() {
        CliRun r = CliRun.of("corpus", "scan", "/no/such/folder");
        assertEquals(2, r.exit, r.toString());
        assertEquals("/no/such/folder: not a readable folder", r.err.strip());
    }

    @Test
    void scan_badFormat_isAUsageError() {
        assertEquals(2, CliRun.of("corpus", "scan", mixed.toString(), "--format", "xml").exit);
    }
}
