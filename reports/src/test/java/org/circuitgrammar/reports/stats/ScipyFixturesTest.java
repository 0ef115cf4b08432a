package org.circuitgrammar.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every comparison statistic against scipy/numpy on the seeded inputs of {@code scripts/compare_stats_fixture.py}
 * (the committed {@code scipy-fixtures.json} is the oracle). Tolerance 1e-9 relative: both sides are double
 * arithmetic in a different order.
 */
class ScipyFixturesTest {
    private static final double TOLERANCE = 1e-9;
    private static final JsonNode FIXTURES = load();

    private static JsonNode load() {
        try (InputStream in = ScipyFixturesTest.class.getResourceAsStream("scipy-fixtures.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Integer> mannWhitneyCases() {
        return IntStream.range(0, FIXTURES.get("mannWhitney").size()).boxed();
    }

    static Stream<Integer> kruskalCases() {
        return IntStream.range(0, FIXTURES.get("kruskalWallis").size()).boxed();
    }

    static Stream<Integer> linkageCases() {
        return IntStream.range(0, FIXTURES.get("averageLinkage").size()).boxed();
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("mannWhitneyCases")
    void mannWhitney_fixture_equalsScipy(int index) {
        JsonNode c = FIXTURES.get("mannWhitney").get(index);
        double[] x = doubles(c.get("x"));
        double[] y = doubles(c.get("y"));
        MannWhitneyU.Result r = MannWhitneyU.test(x, y);
        assertEquals(c.get("method").asText(), r.method().name().toLowerCase(java.util.Locale.ROOT), "method");
        assertClose(c.get("u1").asDouble(), r.u1(), "U1");
        assertClose(c.get("p").asDouble(), r.p(), "p");
        assertClose(c.get("cliffsDelta").asDouble(), CliffsDelta.of(x, y), "Cliff's delta");
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("kruskalCases")
    void kruskalWallis_fixture_equalsScipy(int index) {
        JsonNode c = FIXTURES.get("kruskalWallis").get(index);
        double[][] groups = new double[c.get("groups").size()][];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = doubles(c.get("groups").get(g));
        }
        KruskalWallis.Result r = KruskalWallis.test(groups);
        assertClose(c.get("h").asDouble(), r.h(), "H");
        assertClose(c.get("p").asDouble(), r.p(), "p");
        assertEquals(groups.length - 1, r.degreesOfFreedom());
    }

    @Test
    void cosine_fixture_equalsScipy() {
        for (JsonNode c : FIXTURES.get("cosine")) {
            double[] a = doubles(c.get("a"));
            double[] b = doubles(c.get("b"));
            assertClose(c.get("cosine").asDouble(), ProfileCosine.of(a, b).value(), "cosine");
            Map<String, Double> pa = new LinkedHashMap<>();
            Map<String, Double> pb = new LinkedHashMap<>();
            for (int i = 0; i < a.length; i++) {
                pa.put("k" + i, a[i]);
                pb.put("k" + i, b[i]);
            }
            pa.put("only-in-a", 5.0); // not shared: must not count
            assertClose(c.get("cosine").asDouble(), ProfileCosine.of(pa, pb).value(), "profile cosine");
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("linkageCases")
    void averageLinkage_fixture_equalsScipy(int index) {
        JsonNode c = FIXTURES.get("averageLinkage").get(index);
        double[][] d = new double[c.get("distance").size()][];
        for (int i = 0; i < d.length; i++) {
            d[i] = doubles(c.get("distance").get(i));
        }
        List<AverageLinkage.Merge> merges = AverageLinkage.cluster(d);
        JsonNode expected = c.get("merges");
        assertEquals(expected.size(), merges.size());
        for (int i = 0; i < merges.size(); i++) {
            JsonNode e = expected.get(i);
            AverageLinkage.Merge m = merges.get(i);
            assertEquals(e.get(0).asInt(), m.left(), "merge " + i + " left");
            assertEquals(e.get(1).asInt(), m.right(), "merge " + i + " right");
            assertClose(e.get(2).asDouble(), m.distance(), "merge " + i + " distance");
            assertEquals(e.get(3).asInt(), m.size(), "merge " + i + " size");
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }
}
