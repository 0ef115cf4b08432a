package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The census on the analysed views of the 51 shared graphs against networkx {@code triadic_census} run on an
 * independent Python loader (fixture from scripts/triad_census_fixture.py), plus the DAG identities on every view
 * that is a DAG, and label-level brute force of the signed and position families on the Haiku Dallas graph.
 */
class TriadCensusCorpusTest {
    static Path corpus() {
        String dir = System.getProperty("cgram.shared.dir");
        Path shared = dir != null ? Path.of(dir) : Path.of("..", "shared");
        return shared.resolve("corpus");
    }

    static SignedDigraph analysed(Path file) throws InvalidGraphException {
        return AnalysedGraph.of(new GraphReader().read(file), AnalysisOptions.DEFAULT).graph();
    }

    private static List<String[]> fixture() throws IOException {
        try (InputStream in = TriadCensusCorpusTest.class.getResourceAsStream("/census/triad-census-networkx.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).skip(1).map(l -> l.split("\t")).toList();
        }
    }

    @Test
    void fixture_coversEverySharedGraph() throws IOException {
        try (Stream<Path> files = Files.walk(corpus())) {
            List<String> json = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> corpus().relativize(p).toString()).sorted().toList();
            assertEquals(51, json.size());
            assertEquals(json, fixture().stream().map(r -> r[0]).sorted().toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> count_everySharedGraph_equalsNetworkx() throws IOException {
        TriadCensus census = new TriadCensus();
        return fixture().stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            SignedDigraph g = analysed(corpus().resolve(r[0]));
            assertEquals(Integer.parseInt(r[1]), g.nodeCount(), "analysed nodes");
            assertEquals(Integer.parseInt(r[2]), g.edgeCount(), "analysed edges");
            long[] expected = Arrays.stream(r, 3, 19).mapToLong(Long::parseLong).toArray();
            assertArrayEquals(expected, census.count(g));
            assertArrayEquals(expected, ThreeNodeCensus.countGeneral(g).triads(), "general path");
            if (g.isAcyclic()) {
                DagIdentities.assertHold(g, expected);
            }
        }));
    }

    @Test
    void signedAndPosition_haikuDallas_equalBruteForce() throws InvalidGraphException {
        SignedDigraph g = analysed(corpus().resolve("claude-3.5-haiku/clt/capital-state-dallas.json"));
        assertEquals(83, g.nodeCount());
        assertTrue(g.isAcyclic());
        SignedMotifCensus signed = new SignedMotifCensus();
        PositionSplitCensus position = new PositionSplitCensus();
        long[] signedCounts = signed.count(g);
        assertArrayEquals(LabelledBruteForce.count(g, signed.labels()), signedCounts);
        assertArrayEquals(LabelledBruteForce.count(g, position.labels()), position.count(g));
        assertEquals(BruteForceTriads.count(g), ThreeNodeCensus.count(g));
        assertTrue(signedCounts[0] > 0 && signedCounts[4] > 0, "Dallas has both C1 and I1 FFLs");
    }
}
