package org.circuitgrammar.motifs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullDistribution;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The census of all 51 shared graphs: results read back equal through the codec, and the row roles under the
 * DAG-preserving lpc null are what the DAG identity forces, checked on the stored null samples by exact integer
 * arithmetic written here (not {@code RowDependence}).
 */
class CensusCorpusTest {
    private static final int N = 30;

    @TempDir
    Path tmp;

    private static List<Path> corpus() throws IOException {
        String dir = System.getProperty("cgram.shared.dir");
        Path shared = dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
        try (Stream<Path> s = Files.walk(shared.resolve("corpus"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everySharedGraph_roundTripsAndHasTheRolesTheNullForces() throws IOException, InvalidGraphException {
        CensusSpec spec = new CensusSpec(EnsembleSpec.Profile.DEFAULT, List.of(MotifFamily.TRIAD, MotifFamily.SIGNED,
                MotifFamily.POSITION), List.of(NullKind.LPC, NullKind.ER), N, 2, 5, false, 0, 1, 0);
        GraphCensus census = new GraphCensus(spec, 2, RunInfo.capture(getClass(), null, List.of("test"),
                Instant.now(), 2));
        GraphReader reader = new GraphReader();
        List<CensusResult> results = new ArrayList<>();
        List<Boolean> dag = new ArrayList<>();
        List<Path> files = corpus();
        for (Path file : files) {
            AttributionGraph g = reader.read(file);
            results.add(census.run(g, InputRef.of(file), done -> { }));
            dag.add(AnalysedGraph.of(g, AnalysisOptions.DEFAULT).graph().isAcyclic());
        }
        assertEquals(51, results.size());
        List<CensusResult> batch = CensusBatch.withQValues(results);
        int notDag = 0;
        int degenerate = 0;
        for (int i = 0; i < batch.size(); i++) {
            CensusResult r = batch.get(i);
            Path written = tmp.resolve(i + CensusResultCodec.SUFFIX);
            CensusResultCodec.write(written, r);
            assertEquals(r, CensusResultCodec.read(written), files.get(i) + " reads back equal");
            NullResult lpc = r.nullResult(NullKind.LPC).orElseThrow();
            if (lpc.notRunReason() != null) {
                degenerate++;
                assertTrue(lpc.notRunReason().startsWith("degenerate graph"), lpc.notRunReason());
                continue;
            }
            if (dag.get(i)) {
                assertDagRoles(files.get(i), lpc);
            } else {
                notDag++;
            }
            assertRolesMatchTheSamples(files.get(i), lpc);
            assertRolesMatchTheSamples(files.get(i), r.nullResult(NullKind.ER).orElseThrow());
        }
        assertEquals(2, notDag, "dallas_ea (mutual pairs) and the dense 16x16 llama graph are not DAGs");
        assertTrue(degenerate <= 2, degenerate + " graphs too small for the nulls");
    }

    /** One FFL row stands for the whole 3-node census; the open triads, 003 and 012 follow it. */
    private static void assertDagRoles(Path file, NullResult lpc) {
        List<MotifRow> triads = lpc.family(MotifFamily.TRIAD).orElseThrow().rows();
        MotifRow ffl = triads.stream().filter(t -> t.label().equals("030T")).findFirst().orElseThrow();
        long independent = triads.stream().filter(t -> t.role() == RowRole.INDEPENDENT).count();
        if (ffl.role() == RowRole.CONSTANT) {
            assertEquals(0, independent, file + ": nothing varies");
            return;
        }
        assertEquals(RowRole.INDEPENDENT, ffl.role(), file.toString());
        assertEquals(1, independent, file + ": exactly one independent 3-node row under lpc");
        for (MotifRow t : triads) {
            if (t.role() == RowRole.DETERMINED) {
                assertEquals("triad/030T", t.determinedBy(), file + " " + t.label());
                assertTrue(List.of("003", "012", "021D", "021U", "021C").contains(t.label()), t.label());
                assertEquals(Math.abs(ffl.z().value()), Math.abs(t.z().value()), 1e-9 * Math.abs(ffl.z().value()));
                assertTrue(!t.q().isDefined() && !t.sp().isDefined(), "no q, no SP entry: " + t);
            }
        }
    }

    /**
     * Every determined row is affine in the row it names, every constant row is constant, and no two rows of the BH
     * family are affine in each other (no duplicate hypotheses), over the observed count and the stored samples.
     */
    private static void assertRolesMatchTheSamples(Path file, NullResult result) {
        List<String> names = new ArrayList<>();
        List<long[]> columns = new ArrayList<>();
        List<MotifRow> rows = new ArrayList<>();
        for (var f : result.families()) {
            for (MotifRow row : f.rows()) {
                NullDistribution.Samples s = assertInstanceOf(NullDistribution.Samples.class, row.distribution());
                long[] col = new long[N + 1];
                col[0] = row.observed();
                for (int i = 0; i < N; i++) {
                    col[i + 1] = s.values().get(i);
                }
                names.add(f.family().id() + "/" + row.label());
                columns.add(col);
                rows.add(row);
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            MotifRow row = rows.get(j);
            String what = file + " " + result.nullModel() + " " + names.get(j);
            switch (row.role()) {
                case CONSTANT -> assertTrue(Stream.of(columns.get(j)).allMatch(c -> java.util.Arrays.stream(c)
                        .allMatch(x -> x == c[0])), what);
                case DETERMINED -> assertTrue(sameLine(columns.get(names.indexOf(row.determinedBy())),
                        columns.get(j)), what + " follows " + row.determinedBy());
                case INDEPENDENT -> {
                    for (int i = 0; i < j; i++) {
                        if (rows.get(i).inFdrFamily() && row.inFdrFamily()) {
                            assertTrue(!sameLine(columns.get(i), columns.get(j)),
                                    what + " duplicates " + names.get(i));
                        }
                    }
                }
                default -> throw new AssertionError(what + ": " + row.role());
            }
        }
    }

    /** True iff the points (x_t, y_t) lie on one non-vertical line: every 2x2 determinant against (x_0, y_0) is 0. */
    private static boolean sameLine(long[] x, long[] y) {
        boolean xVaries = false;
        for (int t = 1; t < x.length; t++) {
            xVaries |= x[t] != x[0];
            for (int u = 1; u < x.length; u++) {
                java.math.BigInteger a = java.math.BigInteger.valueOf(x[t] - x[0])
                        .multiply(java.math.BigInteger.valueOf(y[u] - y[0]));
                java.math.BigInteger b = java.math.BigInteger.valueOf(x[u] - x[0])
                        .multiply(java.math.BigInteger.valueOf(y[t] - y[0]));
                if (!a.equals(b)) {
                    return false;
                }
            }
        }
        return xVaries;
    }

    @Test
    void largeEnsembles_storeALosslessOrBinnedHistogramThatRoundTrips() throws IOException, InvalidGraphException {
        Path file = corpus().stream().filter(p -> p.endsWith("meow-clt.json")).findFirst().orElseThrow();
        CensusResult r = GraphCensus.of(file, CensusSpec.defaults(List.of(NullKind.ER, NullKind.LPC))
                .withSamples(250));
        Path written = tmp.resolve("meow" + CensusResultCodec.SUFFIX);
        CensusResultCodec.write(written, r);
        assertEquals(r, CensusResultCodec.read(written));
        for (NullResult n : r.nulls()) {
            for (var f : n.families()) {
                for (MotifRow row : f.rows()) {
                    NullDistribution.Histogram h = assertInstanceOf(NullDistribution.Histogram.class,
                            row.distribution());
                    assertEquals(250, h.n(), row.label());
                    assertTrue(h.counts().size() <= NullDistribution.MAX_BINS, row.label());
                    double mean = 0;
                    if (h.width() == 1) {
                        for (int b = 0; b < h.counts().size(); b++) {
                            mean += (double) (h.min() + b) * h.counts().get(b) / 250;
                        }
                        assertEquals(row.nullMean(), mean, 1e-9 * Math.max(1, mean), "lossless: " + row.label());
                    }
                }
            }
        }
        assertNotEquals(0, r.nulls().size());
    }
}
