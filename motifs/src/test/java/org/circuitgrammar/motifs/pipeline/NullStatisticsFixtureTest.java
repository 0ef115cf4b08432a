package org.circuitgrammar.motifs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.Provenance;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.GraphInfo;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.NullResult.FamilyRows;
import org.circuitgrammar.motifs.result.PValueKind;
import org.circuitgrammar.motifs.stats.Statistic;
import org.junit.jupiter.api.Test;

/**
 * Every statistic of a null section against {@code scripts/census_statistics_fixture.py} (numpy, scipy and exact
 * rational arithmetic, written from docs/census.md without the Java code): effect sizes and their intervals,
 * concentrations, roles, the significance profile over independent connected rows, p, and Benjamini–Hochberg q over
 * the independent rows of two graphs.
 */
class NullStatisticsFixtureTest {
    private static final double TOLERANCE = 1e-9;

    private static JsonNode fixture() throws IOException {
        try (InputStream in = NullStatisticsFixtureTest.class.getResourceAsStream(
                "/stats/census-statistics-fixture.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The rows Java computes for one fixture graph, through the census's own count plan. */
    private static List<FamilyRows> rowsOf(JsonNode graph) {
        CountPlan plan = CountPlan.of(List.of(MotifFamily.TRIAD, MotifFamily.SIGNED));
        List<String> labels = new ArrayList<>();
        List<JsonNode> columns = new ArrayList<>();
        for (JsonNode f : graph.get("families")) {
            f.get("labels").forEach(l -> labels.add(l.asText()));
            f.get("columns").forEach(columns::add);
        }
        int n = columns.get(0).size() - 1;
        long[] observed = new long[labels.size()];
        long[][] samples = new long[n][labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            observed[c] = columns.get(c).get(0).asLong();
            for (int i = 0; i < n; i++) {
                samples[i][c] = columns.get(c).get(i + 1).asLong();
            }
        }
        assertEquals(plan.counters().get(0).labels(), labels, "the fixture lays the columns out as the bundle does");
        return NullStatistics.of(plan.split(List.of(new FamilyCounts("bundle", labels, observed, samples))));
    }

    private static void assertStatistic(JsonNode expected, Statistic actual, String what) {
        if (expected.isNull()) {
            assertFalse(actual.isDefined(), what + " is undefined: " + actual);
        } else {
            assertTrue(actual.isDefined(), what + ": " + actual);
            double e = expected.asDouble();
            assertEquals(e, actual.value(), TOLERANCE * Math.max(1, Math.abs(e)), what);
        }
    }

    @Test
    void of_everyStatistic_equalsTheNumpyScipyReference() throws IOException {
        for (JsonNode graph : fixture().get("graphs")) {
            List<FamilyRows> rows = rowsOf(graph);
            for (int f = 0; f < rows.size(); f++) {
                JsonNode family = graph.get("families").get(f);
                assertEquals(family.get("family").asText(), rows.get(f).family().id());
                for (int c = 0; c < rows.get(f).rows().size(); c++) {
                    MotifRow r = rows.get(f).rows().get(c);
                    JsonNode e = family.get("expected").get(c);
                    String what = family.get("family").asText() + "/" + r.label();
                    assertEquals(e.get("mean").asDouble(), r.nullMean(), TOLERANCE * Math.max(1, r.nullMean()), what);
                    assertEquals(e.get("sd").asDouble(), r.nullSd(), TOLERANCE * Math.max(1, r.nullSd()), what);
                    assertStatistic(e.get("z"), r.z(), what + " Z");
                    assertStatistic(e.get("log2Ratio"), r.log2Ratio(), what + " log2 ratio");
                    assertStatistic(e.get("low"), r.log2RatioLow(), what + " interval low");
                    assertStatistic(e.get("high"), r.log2RatioHigh(), what + " interval high");
                    assertStatistic(e.get("concentration"), r.concentration(), what + " concentration");
                    assertStatistic(e.get("nullConcentration"), r.nullConcentration(), what + " null concentration");
                    assertStatistic(e.get("p"), r.p(), what + " p");
                    assertStatistic(e.get("sp"), r.sp(), what + " SP");
                    assertEquals(e.get("role").asText(), r.role().name(), what);
                    assertEquals(e.get("determinedBy").isNull() ? null : e.get("determinedBy").asText(),
                            r.determinedBy(), what);
                }
            }
        }
    }

    @Test
    void withQValues_adjustsOverTheIndependentRowsOfTheBatch() throws IOException {
        JsonNode fixture = fixture();
        List<CensusResult> batch = new ArrayList<>();
        for (JsonNode graph : fixture.get("graphs")) {
            batch.add(result(rowsOf(graph), fixture.get("samples").asInt()));
        }
        List<CensusResult> adjusted = CensusBatch.withQValues(batch);
        for (int g = 0; g < adjusted.size(); g++) {
            List<FamilyRows> families = adjusted.get(g).nulls().get(0).families();
            for (int f = 0; f < families.size(); f++) {
                for (int c = 0; c < families.get(f).rows().size(); c++) {
                    MotifRow r = families.get(f).rows().get(c);
                    JsonNode e = fixture.get("graphs").get(g).get("families").get(f).get("expected").get(c);
                    assertStatistic(e.get("q"), r.q(), "graph " + g + " " + r.label() + " q");
                }
            }
        }
        assertTrue(adjusted.get(0).fdrFamily().contains("lpc m = 40"), adjusted.get(0).fdrFamily());
    }

    private static CensusResult result(List<FamilyRows> rows, int samples) {
        CensusSpec spec = CensusSpec.defaults(List.of(NullKind.LPC)).withSamples(samples);
        InputRef input = new InputRef("fixture.json", "0".repeat(64), 1);
        GraphInfo graph = new GraphInfo("fixture.json", input.sha256(), 1, null, null, TranscoderKind.UNKNOWN, null,
                Map.of(), 0, 0, List.of(), List.of());
        RunInfo run = RunInfo.capture(NullStatisticsFixtureTest.class, null, List.of(), Instant.EPOCH, 1);
        return new CensusResult(CensusResult.FORMAT_VERSION, "key", graph, List.of(),
                List.of(new NullResult(NullKind.LPC, GraphCensus.FULL_VIEW, samples, 2, 0.1, null, null,
                        PValueKind.APPROXIMATE_MCMC, rows)), "pending", new Provenance(run, List.of(input), spec,
                null, List.of()));
    }
}
