package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.grammar.AdjacencyMask;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.IsoclassTable;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuadCensusTest {

    /** Shared graphs with igraph's counts, made by scripts/quad_census_fixture.py. */
    static Stream<Path> igraphFixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(QuadCensusTest.class.getResource("/quad").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("igraphFixtures")
    void count_sharedGraph_equalsIgraphMotifsRandesu(Path fixture) throws IOException {
        Fixture f = Fixture.read(fixture);
        QuadCounts single = QuadCensus.count(f.graph);
        int checked = 0;
        for (int igraphId = 0; igraphId < 218; igraphId++) {
            if (f.igraphCounts[igraphId] >= 0) {
                assertEquals(f.igraphCounts[igraphId], single.countByIgraphId(igraphId),
                        fixture.getFileName() + " igraph class " + igraphId);
                checked++;
            } else {
                assertEquals(0, single.countByIgraphId(igraphId), "disconnected class " + igraphId);
            }
        }
        assertEquals(199, checked, "igraph reports every connected class");
        assertEquals(single, QuadCensus.count(f.graph, 2), "thread count must not change the counts");
    }

    /** The fixture script's own loader and the Java analysed view (reader + AnalysedGraph) agree. */
    @ParameterizedTest
    @MethodSource("igraphFixtures")
    void count_analysedViewOfSharedFile_equalsIgraphCountsOfScriptLoader(Path fixture) throws Exception {
        Fixture f = Fixture.read(fixture);
        String header = Files.readAllLines(fixture).get(0);
        String relative = header.substring(2, header.indexOf(':'));
        AttributionGraph g = new GraphReader().read(sharedDir().resolve("corpus").resolve(relative));
        SignedDigraph view = AnalysedGraph.of(g, AnalysisOptions.DEFAULT).graph();
        assertEquals(f.graph.nodeCount(), view.nodeCount(), relative);
        assertEquals(f.graph.edgeCount(), view.edgeCount(), relative);
        QuadCounts q = QuadCensus.count(view);
        for (int igraphId = 0; igraphId < 218; igraphId++) {
            assertEquals(Math.max(0, f.igraphCounts[igraphId]), q.countByIgraphId(igraphId), relative);
        }
    }

    static Path sharedDir() {
        String dir = System.getProperty("cgram.shared.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
    }

    @Property(tries = 200)
    void count_randomDigraph_equalsBruteForceOverAllFourSets(@ForAll @IntRange(min = 0, max = 11) int n,
                                                             @ForAll @IntRange(min = 0, max = 100) int percent,
                                                             @ForAll long seed) {
        SignedDigraph g = randomDigraph(n, percent / 100.0, seed);
        long[] expected = new long[IsoclassTable.SIZE4.classCount()];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    for (int d = c + 1; d < n; d++) {
                        int mask = inducedMask(g, new int[] {a, b, c, d});
                        if (AdjacencyMask.isConnected(mask, 4)) {
                            expected[IsoclassTable.SIZE4.classOf(mask)]++;
                        }
                    }
                }
            }
        }
        assertArrayEquals(expected, QuadCensus.count(g).toArray());
        assertArrayEquals(expected, QuadCensus.count(g, 3).toArray());
        long[] visited = new long[expected.length];
        new ConnectedSubgraphEnumerator(g).forEach(4, 0, n, (v, a, b, x, mask) -> {
            assertEquals(mask, inducedMask(g, new int[] {v, a, b, x}), "mask in ESU order");
            visited[IsoclassTable.SIZE4.classOf(mask)]++;
        });
        assertArrayEquals(expected, visited, "one visit per connected set");
    }

    @Property(tries = 100)
    void forEachTriple_randomDigraph_visitsEveryConnectedTripleOnceWithItsMask(
            @ForAll @IntRange(min = 0, max = 12) int n, @ForAll @IntRange(min = 0, max = 100) int percent,
            @ForAll long seed) {
        SignedDigraph g = randomDigraph(n, percent / 100.0, seed);
        long[] expected = new long[IsoclassTable.SIZE3.classCount()];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    int mask = inducedMask(g, new int[] {a, b, c});
                    if (AdjacencyMask.isConnected(mask, 3)) {
                        expected[IsoclassTable.SIZE3.classOf(mask)]++;
                    }
                }
            }
        }
        long[] found = new long[IsoclassTable.SIZE3.classCount()];
        new ConnectedSubgraphEnumerator(g).forEach(3, 0, n, (v, a, b, x, mask) -> {
            assertEquals(mask, inducedMask(g, new int[] {v, a, b}), "mask in ESU order");
            found[IsoclassTable.SIZE3.classOf(mask)]++;
        });
        assertArrayEquals(expected, found);
    }

    @Test
    void count_handBuiltDiamondWithTail_countsEachConnectedSetOnce() {
        // 0->1, 0->2, 1->3, 2->3 (diamond) and 3->4: sets {0,1,2,3} diamond; {0,1,3,4}, {0,2,3,4} chain-4;
        // {1,2,3,4} fan-in-chain
        SignedDigraph g = graph(5, 0, 1, 0, 2, 1, 3, 2, 3, 3, 4);
        QuadCounts q = QuadCensus.count(g);
        assertEquals(4, q.total());
        assertEquals(1, q.count(DagMotif.D12));
        assertEquals(2, q.count(DagMotif.D05));
        assertEquals(1, q.count(DagMotif.D07));
    }

    @Test
    void dag4_labelsAndCounts_sumToConnectedSetsAndCyclicOnlyOffDags() throws IOException, URISyntaxException {
        Dag4Counter counter = new Dag4Counter();
        assertEquals("dag4", counter.family());
        assertEquals(25, counter.labels().size());
        assertEquals("D01", counter.labels().get(0));
        assertEquals(Dag4Counter.CYCLIC, counter.labels().get(24));
        for (Path p : igraphFixtures().toList()) {
            Fixture f = Fixture.read(p);
            long[] c = counter.count(f.graph);
            assertEquals(QuadCensus.count(f.graph).total(), java.util.Arrays.stream(c).sum(), p.toString());
            assertEquals(f.graph.isAcyclic(), c[24] == 0, p + ": cyclic sets exist iff the graph has a cycle");
        }
    }

    static SignedDigraph randomDigraph(int n, double p, long seed) {
        Random r = new Random(seed);
        int[] src = new int[n * n];
        int[] dst = new int[n * n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t && r.nextDouble() < p) {
                    src[m] = s;
                    dst[m] = t;
                    m++;
                }
            }
        }
        return SignedDigraph.fromEdges(new int[n], new int[n], src, dst, new double[n * n], m);
    }

    static SignedDigraph graph(int n, int... edges) {
        int m = edges.length / 2;
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            src[e] = edges[2 * e];
            dst[e] = edges[2 * e + 1];
            w[e] = 1;
        }
        return SignedDigraph.fromEdges(new int[n], new int[n], src, dst, w, m);
    }

    static int inducedMask(SignedDigraph g, int[] nodes) {
        int mask = 0;
        for (int i = 0; i < nodes.length; i++) {
            for (int j = 0; j < nodes.length; j++) {
                if (i != j && g.hasEdge(nodes[i], nodes[j])) {
                    mask |= AdjacencyMask.edgeBit(i, j);
                }
            }
        }
        return mask;
    }

    /** One fixture file: the analysed edge list and igraph's counts (-1 = NaN, a disconnected class). */
    record Fixture(SignedDigraph graph, long[] igraphCounts) {
        static Fixture read(Path p) {
            try {
                List<String> lines = Files.readAllLines(p);
                int n = 0;
                int[] src = new int[lines.size()];
                int[] dst = new int[lines.size()];
                int m = 0;
                long[] counts = new long[218];
                java.util.Arrays.fill(counts, -1);
                for (String line : lines) {
                    String[] f = line.split(" ");
                    switch (f[0]) {
                        case "n" -> n = Integer.parseInt(f[1]);
                        case "e" -> {
                            src[m] = Integer.parseInt(f[1]);
                            dst[m] = Integer.parseInt(f[2]);
                            m++;
                        }
                        case "c" -> counts[Integer.parseInt(f[1])] = Long.parseLong(f[2]);
                        default -> assertTrue(line.startsWith("#"), p + ": unexpected line " + line);
                    }
                }
                return new Fixture(SignedDigraph.fromEdges(new int[n], new int[n], src, dst,
                        new double[src.length], m), counts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
