package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.json.GraphWriter;
import org.circuitgrammar.motifs.baseline.BaselineCodec;
import org.circuitgrammar.motifs.baseline.GraphPerturbations;
import org.circuitgrammar.motifs.baseline.JunitSchema;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The checks of issue 10 on the shared Gemma-2-2B CLT graphs, at CI size (n = {@value #SAMPLES} null samples): a
 * baseline from every other graph (sorted by name) passes on the rest; three perturbations of every checked graph
 * fail and name the motif; another census seed and a regenerated near-duplicate pass; the JUnit report validates
 * and has one case per rule and group. The numbers at n = 1000 are in docs/grammar.md.
 */
class GrammarCorpusCheckTest {
    private static final int SAMPLES = 60;

    @TempDir
    static Path dir;
    private static Path baseline;
    /** The FFL row against the census's default null, e.g. {@code lpc-position/triad/030T}. */
    private static String ffl;
    private static Path baselineHalf;
    private static Path checkHalf;
    private static final GraphReader READER = new GraphReader();

    @BeforeAll
    static void baselineFromHalfTheGraphs() throws IOException {
        List<Path> graphs = SharedData.corpusFiles().stream()
                .filter(p -> p.toString().replace('\\', '/').contains("/gemma-2-2b/clt/")).toList();
        assertTrue(graphs.size() >= 30, "shared Gemma-2-2B CLT graphs: " + graphs.size());
        baselineHalf = Files.createDirectories(dir.resolve("baseline-half"));
        checkHalf = Files.createDirectories(dir.resolve("check-half"));
        for (int i = 0; i < graphs.size(); i++) {
            Path half = i % 2 == 0 ? baselineHalf : checkHalf;
            Files.copy(graphs.get(i), half.resolve(graphs.get(i).getFileName()));
        }
        baseline = dir.resolve("grammar.json");
        CliRun run = CliRun.of("grammar", "baseline", baselineHalf.toString(), "--by", "model,transcoder",
                "-n", "" + SAMPLES, "--threads", "2", "-o", baseline.toString());
        assertEquals(0, run.exit, run.toString());
        ffl = BaselineCodec.read(baseline).spec().census().nulls().get(0).cliName() + "/triad/030T";
    }

    private static CliRun check(Path graphs, String... extra) {
        List<String> args = new ArrayList<>(List.of("grammar", "check", graphs.toString(), "--baseline",
                baseline.toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Every graph of the check half, edited, written with the corpus writer into a new folder. */
    private static Path edited(String name, Function<AttributionGraph, AttributionGraph> edit) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(checkHalf)) {
            for (Path f : files.sorted().toList()) {
                new GraphWriter().write(edit.apply(READER.read(f)), out.resolve(f.getFileName()));
            }
        }
        return out;
    }

    /** The motifs the table reports as broken by {@code rule}. */
    private static List<String> broken(CliRun run, String rule) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  " + rule + "\\s+(\\S+) .* FAIL ").matcher(run.out);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The other half, counted once by {@code cgram census} (same settings as the baseline) and checked from its
     * result files; then the same results plus a baseline graph and a regeneration of it (3 % of its features
     * dropped, weights jittered by up to 10 %), which must count once.
     */
    @Test
    void otherHalf_passes_andARegeneratedNearDuplicateCountsOnceAndPasses() throws Exception {
        Path results = dir.resolve("check-half-results");
        CliRun census = CliRun.of("census", checkHalf.toString(), "-n", "" + SAMPLES, "--threads", "2", "-q",
                "-o", results.toString());
        assertEquals(0, census.exit, census.toString());
        CliRun half = check(results);
        assertEquals(0, half.exit, half.toString());
        assertTrue(half.out.contains("group gemma-2-2b/clt: 18 graph(s) checked (0 near-duplicate(s) merged)"),
                half.out);

        Path twins = Files.createDirectories(dir.resolve("twins"));
        Path original;
        try (var files = Files.list(baselineHalf)) {
            original = files.sorted().findFirst().orElseThrow();
        }
        AttributionGraph g = READER.read(original);
        new GraphWriter().write(g, twins.resolve("twin-a.json"));
        new GraphWriter().write(GraphPerturbations.regenerated(g, 0.03, 0.1, new SplittableRandom(5)),
                twins.resolve("twin-b.json"));
        CliRun twinCensus = CliRun.of("census", twins.toString(), "-n", "" + SAMPLES, "--threads", "2", "-q",
                "-o", results.toString());
        assertEquals(0, twinCensus.exit, twinCensus.toString());
        CliRun withTwins = check(results);
        assertEquals(0, withTwins.exit, withTwins.toString());
        assertTrue(withTwins.out.contains("19 graph(s) checked (1 near-duplicate(s) merged)"), withTwins.out);
    }

    /** The baseline's own graphs with other null samples (census seed 2): only Monte Carlo noise moved. */
    @Test
    void otherSeed_passes() {
        CliRun same = check(baselineHalf, "--seed", "2");
        assertEquals(0, same.exit, same.toString());
    }

    @Test
    void thirtyPercentOfFflClosingEdgesRemoved_failsNamingTheFfl() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        Path set = edited("ffl-removed", g -> GraphPerturbations.withoutFflClosingEdges(g, 0.3, rng.split()).graph());
        CliRun run = check(set);
        assertEquals(1, run.exit, run.toString());
        assertTrue(broken(run, "effect-band").contains(ffl), run.out);
    }

    @Test
    void coherentLoopsMadeIncoherent_failsNamingSignedFflTypes() throws Exception {
        Path set = edited("incoherent", g -> GraphPerturbations.coherentFflsMadeIncoherent(g).graph());
        CliRun run = check(set);
        assertEquals(1, run.exit, run.toString());
        List<String> broken = broken(run, "effect-band");
        assertTrue(broken.stream().anyMatch(m -> m.matches("[a-z-]+/signed/[CI][1-4]")), run.out);
    }

    /**
     * Under the default null (lpc-position) the FFL count of these graphs is what the null makes (median effect
     * −0.0004), so samples of it leave the FFL where it was; what they lose is the signed structure.
     */
    @Test
    void nullSamplesInsteadOfGraphs_failNamingSignedMotifs_andTheJunitReportValidates() throws Exception {
        NullKind defaultNull = BaselineCodec.read(baseline).spec().census().nulls().get(0);
        SplittableRandom rng = new SplittableRandom(13);
        Path set = edited("null-samples", g -> GraphPerturbations.nullSample(g, defaultNull, 20, rng.split()));
        Path junit = dir.resolve("report.xml");
        CliRun run = check(set, "--junit", junit.toString());
        assertEquals(1, run.exit, run.toString());
        List<String> broken = broken(run, "effect-band");
        assertTrue(broken.stream().anyMatch(m -> m.matches("[a-z-]+/signed/[CI][1-4]")), run.out);
        byte[] xml = Files.readAllBytes(junit);
        JunitSchema.validate(xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml));
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + ":" + c.getAttribute("name"));
        }
        assertEquals(List.of("grammar.gemma-2-2b/clt:effect-band", "grammar.gemma-2-2b/clt:direction",
                "grammar.gemma-2-2b/clt:profile"), names);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains(broken.get(0)), failure.getAttribute("message"));
    }
}
