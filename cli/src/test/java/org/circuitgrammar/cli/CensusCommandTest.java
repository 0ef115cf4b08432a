package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.pipeline.SummaryCsv;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.stats.BenjaminiHochberg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CensusCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("cgram.shared.dir", "../../shared"));
    /** 45 kB gemma-2-2b CLT graph. */
    private static final Path MEOW = SHARED.resolve("corpus/gemma-2-2b/clt/meow-clt.json");
    /** Small PLT graph with error nodes. */
    private static final Path WAR = SHARED.resolve("corpus/gemma-2-2b/plt/war_ea.json");
    private static final Path DALLAS = SHARED.resolve("corpus/claude-3.5-haiku/clt/capital-state-dallas.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<Path> results(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".census.json")).sorted().toList();
        }
    }

    private static JsonNode read(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    private static List<CSVRecord> csv(Path dir) throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve("summary.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void help_listsOptionsAndExitCodes() {
        assertEquals(0, run("census", "--help"));
        String help = out.toString();
        assertTrue(help.contains("95% interval"), "a literal percent sign, not a picocli format: " + help);
        assertFalse(err.toString().contains("WARN"), err.toString());
        assertTrue(help.startsWith("Usage: cgram census"), help);
        for (String option : List.of("--null", "-n", "--seed", "--threads", "--motifs", "--output", "--profile",
                "--keep-errors", "--threshold", "--max-layer-gap", "--top-edges", "--quiet", "Exit codes", "70")) {
            assertTrue(help.contains(option), option + " in " + help);
        }
    }

    @Test
    void countsOnly_writesJsonAndCsvWithTheTriadTotal() throws IOException {
        Path o = tmp.resolve("out");
        assertEquals(0, run("census", MEOW.toString(), "-n", "0", "--motifs", "triad,signed", "-o", o.toString()),
                err.toString());
        List<Path> files = results(o);
        assertEquals(1, files.size());
        JsonNode r = read(files.get(0));
        int nodes = r.at("/graph/views/0/nodes").asInt();
        long total = 0;
        for (JsonNode c : r.at("/observed/0/counts")) {
            total += c.asLong();
        }
        assertEquals("triad", r.at("/observed/0/family").asText());
        assertEquals((long) nodes * (nodes - 1) * (nodes - 2) / 6, total, "the 16 classes partition all triples");
        assertEquals(0, r.get("nulls").size());
        assertTrue(r.at("/provenance/inputs/0/sha256").asText().matches("[0-9a-f]{64}"));
        assertEquals("census", r.at("/provenance/config/step").asText());
        assertEquals(0, r.at("/provenance/config/samples").asInt());
        List<CSVRecord> rows = csv(o);
        assertEquals(SummaryCsv.COLUMNS, rows.get(0).getParser().getHeaderNames());
        assertEquals(16 + r.at("/observed/1/labels").size(), rows.size());
        assertEquals(SummaryCsv.NO_NULL, rows.get(0).get("null"));
        assertEquals(r.at("/observed/0/counts/0").asText(), rows.get(0).get("observed"));
        assertTrue(out.toString().contains("1 graph(s) done (1 computed, 0 reused), 0 bad"), out.toString());
    }

    @Test
    void rerun_sameInputAndParameters_skipsAndKeepsTheFile() throws IOException {
        Path o = tmp.resolve("out");
        String[] args = {"census", MEOW.toString(), WAR.toString(), "-n", "5", "--null", "lpc", "--motifs",
            "triad", "--threads", "2", "-o", o.toString()};
        assertEquals(0, run(args), err.toString());
        List<Path> files = results(o);
        String first = Files.readString(files.get(0));
        assertEquals(0, run(args), err.toString());
        assertTrue(out.toString().contains("(0 computed, 2 reused)"), out.toString());
        assertEquals(first, Files.readString(files.get(0)));
        // another seed is another result
        String[] reseeded = args.clone();
        reseeded[reseeded.length - 1] = o.toString();
        List<String> withSeed = new ArrayList<>(List.of(reseeded));
        withSeed.add("--seed");
        withSeed.add("99");
        assertEquals(0, run(withSeed.toArray(String[]::new)), err.toString());
        assertTrue(out.toString().contains("(2 computed, 0 reused)"), out.toString());
    }

    @Test
    void rerun_changedInputUnderTheSameName_recomputed() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in")).resolve("g.json");
        Files.copy(MEOW, in);
        Path o = tmp.resolve("out");
        assertEquals(0, run("census", in.toString(), "-n", "0", "-o", o.toString()), err.toString());
        Files.copy(WAR, in, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, run("census", in.toString(), "-n", "0", "-o", o.toString()), err.toString());
        assertTrue(out.toString().contains("(1 computed, 0 reused)"), out.toString());
        assertEquals(2, results(o).size(), "the old content's result stays, under its own SHA-256 prefix");
        List<CSVRecord> rows = csv(o);
        assertTrue(rows.stream().allMatch(r -> r.get("sha256").equals(rows.get(0).get("sha256"))),
                "summary.csv holds only this run's graphs");
    }

    @Test
    void interruptedRun_leftoversAreRemovedAndTruncatedResultRecomputed() throws IOException {
        Path o = tmp.resolve("out");
        String[] args = {"census", MEOW.toString(), "-n", "0", "-o", o.toString()};
        assertEquals(0, run(args), err.toString());
        Path result = results(o).get(0);
        String complete = Files.readString(result);
        // what kill -9 can leave: a temp file of the atomic write, or (from another tool) a truncated file
        Path temp = o.resolve("." + result.getFileName() + "12345.tmp");
        Files.writeString(temp, complete.substring(0, 100));
        Files.writeString(result, complete.substring(0, 100));
        assertEquals(0, run(args), err.toString());
        assertFalse(Files.exists(temp));
        assertTrue(out.toString().contains("(1 computed, 0 reused)"), out.toString());
        JsonNode again = read(result);
        assertEquals(JSON.readTree(complete).get("observed"), again.get("observed"));
    }

    @Test
    void batchWithBadInputs_reportsEachAndGoesOn_degenerateGraphsKeepTheirCounts() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        Files.copy(MEOW, in.resolve("meow.json"));
        Files.writeString(in.resolve("broken.json"), "{\"nodes\": [");
        Files.writeString(in.resolve("no-edges.json"), graph(List.of(), new int[][] {}));
        Files.writeString(in.resolve("one-layer.json"), graph(List.of("3", "3", "3"), new int[][] {{0, 1}, {1, 2}}));
        Files.writeString(in.resolve("one-block.json"),
                graph(List.of("1", "1", "2", "2"), new int[][] {{0, 2}, {1, 3}, {0, 3}}));
        Files.writeString(in.resolve("notes.txt"), "not a graph");
        Path o = tmp.resolve("out");
        assertEquals(2, run("census", tmp.resolve("in").toString(), "-n", "5", "--null", "lpc", "-o", o.toString()),
                "the malformed file makes the batch exit 2");
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("broken.json: "), e);
        assertEquals(4, results(o).size());
        assertTrue(out.toString().contains("4 graph(s) done (4 computed, 0 reused), 1 bad"), out.toString());
        String[] reasons = {"no-edges", "degenerate graph: no edges", "one-layer",
            "degenerate graph: every node is in layer 3", "one-block",
            "degenerate graph: all 3 edges are in one layer-pair block"};
        for (int i = 0; i < reasons.length; i += 2) {
            String stem = reasons[i];
            Path file = results(o).stream().filter(p -> p.getFileName().toString().startsWith(stem)).findFirst()
                    .orElseThrow();
            CensusResult r = CensusResultCodec.read(file);
            NullResult lpc = r.nullResult(NullKind.LPC).orElseThrow();
            assertEquals(0, lpc.samples());
            assertTrue(lpc.notRunReason().startsWith(reasons[i + 1]), lpc.notRunReason());
            MotifRow ffl = lpc.row(org.circuitgrammar.motifs.result.MotifFamily.TRIAD, "030T").orElseThrow();
            assertEquals(RowRole.UNTESTED, ffl.role());
            assertFalse(ffl.z().isDefined());
            assertTrue(out.toString().contains(stem + ".json"), "the summary table lists it: " + out);
        }
        Files.delete(in.resolve("broken.json"));
        assertEquals(0, run("census", tmp.resolve("in").toString(), "-n", "5", "--null", "lpc", "-q", "-o",
                o.toString()), "degenerate graphs alone do not fail a batch: " + err);
    }

    @Test
    void summaryTable_ofTheBundledGraphs_showsTheNumbersOfTheJson() throws IOException {
        Path o = tmp.resolve("out");
        assertEquals(0, run("census", Path.of("..", "examples", "graphs").toString(), "-n", "30", "--null",
                "lpc,er", "-o", o.toString()), err.toString());
        Map<String, String[]> headline = Map.of("FFL (030T)", new String[] {"triad", "030T"},
                "coherent FFL", new String[] {"signed", "coherent"}, "incoherent FFL", new String[] {"signed",
                "incoherent"}, "chain (021C)", new String[] {"triad", "021C"}, "fan-in (021U)",
                new String[] {"triad", "021U"}, "fan-out (021D)", new String[] {"triad", "021D"});
        Map<String, CensusResult> byFile = new java.util.HashMap<>();
        for (Path f : results(o)) {
            CensusResult r = CensusResultCodec.read(f);
            byFile.put(r.graph().fileName(), r);
        }
        assertEquals(6, byFile.size(), "the six bundled example graphs");
        CensusResult current = null;
        int checked = 0;
        for (String line : out.toString().lines().toList()) {
            java.util.regex.Matcher graph = java.util.regex.Pattern.compile("^(\\S+\\.json): (\\d+) nodes, (\\d+) edges")
                    .matcher(line);
            if (graph.find()) {
                current = byFile.get(graph.group(1));
                assertEquals(current.graph().views().get(0).edges(), Integer.parseInt(graph.group(3)), line);
                continue;
            }
            if (current == null || line.length() < 20 || !headline.containsKey(line.substring(2, 20).trim())) {
                continue;
            }
            String[] id = headline.get(line.substring(2, 20).trim());
            String[] cells = line.substring(20).trim().split("\\s+");
            org.circuitgrammar.motifs.result.MotifFamily family =
                    org.circuitgrammar.motifs.result.MotifFamily.parse(id[0]);
            assertEquals(current.observed(family).orElseThrow().count(id[1]), Long.parseLong(cells[0]), line);
            int at = 1;
            for (NullKind k : List.of(NullKind.LPC, NullKind.ER)) {
                MotifRow row = current.nullResult(k).orElseThrow().row(family, id[1]).orElseThrow();
                assertEquals(row.log2Ratio().isDefined() ? String.format(java.util.Locale.ROOT, "%+.3f",
                        row.log2Ratio().value()) : "n/a", cells[at++], line);
                assertEquals(row.z().isDefined() ? String.format(java.util.Locale.ROOT, "%.1f", row.z().value())
                        : "n/a", cells[at++], line);
            }
            checked++;
        }
        assertEquals(byFile.size() * headline.size(), checked, out.toString());
        // lpc keeps each DAG's degrees, so the tied triads are named once per DAG graph; er leaves them free
        long dagGraphs = byFile.values().stream().filter(r -> r.nullResult(NullKind.LPC).orElseThrow()
                .row(org.circuitgrammar.motifs.result.MotifFamily.TRIAD, "021C").orElseThrow().determinedBy() != null)
                .count();
        assertTrue(dagGraphs > 0, "some bundled graph is a DAG");
        assertEquals(dagGraphs, out.toString().lines().filter(l -> l.equals("  determined: lpc chain (021C), "
                + "fan-in (021U), fan-out (021D) by triad/030T (an exact function of that row under the null: same "
                + "|Z|, not a separate finding)")).count(), out.toString());
        assertTrue(out.toString().contains("p-values: lpc approximate"), out.toString());
        assertTrue(out.toString().contains("er exact"), out.toString());
        assertFalse(run("census", Path.of("..", "examples", "graphs").toString(), "-n", "30", "--null", "lpc,er",
                "-q", "-o", o.toString()) != 0 || out.toString().contains("summary:"), "--quiet: " + out);
    }

    @Test
    void sameFileTwice_countedOnce() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copy")).resolve(MEOW.getFileName());
        Files.copy(MEOW, copy);
        Path o = tmp.resolve("out");
        assertEquals(0, run("census", MEOW.toString(), copy.toString(), "-n", "0", "-o", o.toString()));
        assertTrue(out.toString().contains("same name and content as " + MEOW + ", counted once"), out.toString());
        assertTrue(out.toString().contains("1 graph(s) done"), out.toString());
        assertEquals(1, results(o).size());
    }

    @Test
    void missingPath_isAnInputError() {
        assertEquals(2, run("census", tmp.resolve("nope.json").toString(), "-n", "0", "-o", tmp.toString()));
        assertTrue(err.toString().contains("nope.json: cannot read: no such file or folder"), err.toString());
    }

    @Test
    void badOptions_areUsageErrors() {
        assertEquals(2, run("census", MEOW.toString(), "--null", "lpc,bogus", "-o", tmp.toString()));
        assertTrue(err.toString().contains("unknown null model 'bogus'"), err.toString());
        assertEquals(2, run("census", MEOW.toString(), "--motifs", "tetrads", "-o", tmp.toString()));
        assertTrue(err.toString().contains("unknown motif family 'tetrads'"), err.toString());
        assertEquals(2, run("census", MEOW.toString(), "-n", "-1", "-o", tmp.toString()));
        assertEquals(2, run("census", MEOW.toString(), "--profile", "igraph", "-o", tmp.toString()));
        assertEquals(2, run("census", MEOW.toString()));
        assertTrue(err.toString().contains("Missing required option"), err.toString());
    }

    @Test
    void ensemble_numbersDoNotDependOnThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        String[] common = {"census", WAR.toString(), "-n", "12", "--null", "lpc,config", "--motifs",
            "triad,position", "--seed", "7"};
        assertEquals(0, run(concat(common, "--threads", "1", "-o", one.toString())), err.toString());
        assertEquals(0, run(concat(common, "--threads", "3", "-o", three.toString())), err.toString());
        JsonNode a = read(results(one).get(0));
        JsonNode b = read(results(three).get(0));
        assertEquals(a.get("nulls"), b.get("nulls"));
        assertEquals(a.get("resultKey"), b.get("resultKey"));
        assertEquals(1, a.at("/provenance/run/threads").asInt());
        assertEquals(3, b.at("/provenance/run/threads").asInt());
        assertEquals(Files.readString(one.resolve("summary.csv")), Files.readString(three.resolve("summary.csv")));
    }

    /** Without --null the census runs the default null, lpc-position, and reports its effective sample sizes. */
    @Test
    void defaultNull_isLpcPosition_withEffectiveSamples() throws IOException {
        Path o = tmp.resolve("default");
        assertEquals(0, run("census", WAR.toString(), "-n", "32", "--motifs", "triad", "-o", o.toString()),
                err.toString());
        JsonNode section = read(results(o).get(0)).at("/nulls/0");
        assertEquals("lpc-position", section.get("nullModel").asText());
        JsonNode diagnostics = section.get("diagnostics");
        double ess = diagnostics.get("effectiveSamples").asDouble();
        assertTrue(ess > 0 && ess <= 32, diagnostics.toString());
        assertEquals(16, diagnostics.get("effectiveSamplesPerChain").size(), diagnostics.toString());
    }

    @Test
    void ensemble_statisticsAndQValuesAcrossTheRun() throws IOException {
        Path o = tmp.resolve("out");
        assertEquals(0, run("census", MEOW.toString(), WAR.toString(), "-n", "20", "--null", "lpc", "--motifs",
                "triad,signed", "-o", o.toString()), err.toString());
        List<Double> ps = new ArrayList<>();
        List<Double> qs = new ArrayList<>();
        int csvRows = 0;
        for (Path f : results(o)) {
            CensusResult r = CensusResultCodec.read(f);
            NullResult lpc = r.nulls().get(0);
            assertEquals(NullKind.LPC, lpc.nullModel());
            assertEquals(20, lpc.samples());
            for (var fam : lpc.families()) {
                for (MotifRow c : fam.rows()) {
                    csvRows++;
                    assertTrue(c.p().isDefined(), "p is defined whenever n > 0");
                    double p = c.p().value();
                    assertTrue(p >= 2.0 / 21 && p <= 1, c.toString());
                    if (c.inFdrFamily()) {
                        ps.add(p);
                        qs.add(c.q().value());
                        assertTrue(c.q().value() >= p, c.toString());
                    } else {
                        assertFalse(c.q().isDefined(), "no q for a row that is not its own hypothesis: " + c);
                    }
                    if (c.z().isDefined()) {
                        double expectedZ = (c.observed() - c.nullMean()) / c.nullSd();
                        assertEquals(expectedZ, c.z().value(), 1e-9 * Math.abs(expectedZ) + 1e-9);
                    } else {
                        assertFalse(c.sp().isDefined());
                    }
                }
            }
        }
        double[] expected = BenjaminiHochberg.adjust(ps.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], qs.get(i), 1e-15, "q over both graphs' independent rows, in file order");
        }
        assertEquals(csvRows, csv(o).size());
    }

    @Test
    void compatProfile_dallasLoadsAsTheAnchorAndFflZIsStableAcrossSeeds() throws IOException {
        double[] z = new double[2];
        for (int seed = 0; seed < 2; seed++) {
            Path o = tmp.resolve("seed" + seed);
            assertEquals(0, run("census", DALLAS.toString(), "--profile", "circuit-motifs", "--null", "lpc", "-n",
                    "60", "--motifs", "triad,signed", "--seed", Integer.toString(seed), "-o", o.toString()),
                    err.toString());
            JsonNode r = read(results(o).get(0));
            assertEquals(83, r.at("/graph/views/0/nodes").asInt());
            assertEquals(1719, r.at("/graph/views/0/edges").asInt());
            assertEquals("signed-window", r.at("/graph/views/1/name").asText());
            assertEquals(829, r.at("/graph/views/1/edges").asInt());
            JsonNode triads = r.at("/nulls/0/families/0");
            assertEquals("triad", triads.get("family").asText());
            for (JsonNode c : triads.get("rows")) {
                if (c.get("label").asText().equals("030T")) {
                    z[seed] = c.get("z").asDouble();
                }
            }
        }
        // circuit-motifs: +18.50 at n = 1000; at n = 60 the sd estimate alone is good to about ±10 %
        for (double zi : z) {
            assertEquals(18.5, zi, 4.5, "FFL Z under the anchor's LPC");
        }
        assertEquals(z[0], z[1], 5.0, "two seeds agree within sampling error");
        assertNotEquals(z[0], z[1], "different seeds, different ensembles");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A minimal Neuronpedia-format graph: one feature node per layer entry, links as index pairs. */
    private static String graph(List<String> layers, int[][] links) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("metadata").put("slug", "toy").put("scan", "toy").put("prompt", "t")
                .putArray("prompt_tokens").add("t");
        var nodes = root.putArray("nodes");
        for (int i = 0; i < layers.size(); i++) {
            nodes.addObject().put("node_id", layers.get(i) + "_" + i + "_0").put("feature_type",
                    "cross layer transcoder").put("layer", layers.get(i)).put("ctx_idx", 0).put("feature", i);
        }
        if (layers.isEmpty()) {
            nodes.addObject().put("node_id", "E_1_0").put("feature_type", "embedding").put("layer", "E")
                    .put("ctx_idx", 0).put("feature", 0);
        }
        var ls = root.putArray("links");
        for (int[] l : links) {
            ls.addObject().put("source", layers.get(l[0]) + "_" + l[0] + "_0")
                    .put("target", layers.get(l[1]) + "_" + l[1] + "_0").put("weight", 1.0);
        }
        return root.toString();
    }
}
