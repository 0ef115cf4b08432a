package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class NullMomentsTest {

    @Test
    void of_oneToFour_handValues() {
        NullMoments m = NullMoments.of(new long[] {1, 2, 3, 4});
        assertEquals(4, m.samples());
        assertEquals(2.5, m.mean(), 0);
        assertEquals(Math.sqrt(1.25), m.sd(), 1e-15);
    }

    @Test
    void zScore_oneToFourObservedFive_isSqrtFive() {
        // (5 - 2.5) / sqrt(1.25) = sqrt(5)
        assertEquals(Math.sqrt(5), NullMoments.zScore(5, new long[] {1, 2, 3, 4}).value(), 1e-14);
    }

    @Test
    void of_randomEnsembles_matchesCommonsMathPopulationSd() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(300);
            long base = rng.nextLong(0, 5_000_000_000L);
            long[] xs = new long[n];
            double[] ds = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = base + rng.nextInt(1000);
                ds[i] = xs[i];
            }
            NullMoments m = NullMoments.of(xs);
            double mean = new Mean().evaluate(ds);
            double sd = new StandardDeviation(false).evaluate(ds);
            assertEquals(mean, m.mean(), 1e-9 * Math.abs(mean));
            assertEquals(sd, m.sd(), 1e-9 * Math.max(sd, 1));
        }
    }

    @Test
    void zScore_fixtureFromPythonStatistics_agrees() {
        for (JsonNode c : StatsFixture.load().get("ensembles")) {
            long[] nulls = StatsFixture.longs(c.get("nulls"));
            long observed = c.get("observed").asLong();
            NullMoments m = NullMoments.of(nulls);
            assertEquals(c.get("mean").asDouble(), m.mean(), 1e-12 * Math.abs(m.mean()) + 1e-12, c.toString());
            assertEquals(c.get("sd").asDouble(), m.sd(), 1e-9 * m.sd() + 1e-12, c.toString());
            Statistic z = NullMoments.zScore(observed, nulls);
            if (c.get("z").isNull()) {
                assertFalse(z.isDefined(), c.toString());
            } else {
                double expected = c.get("z").asDouble();
                assertEquals(expected, z.value(), 1e-9 * Math.abs(expected) + 1e-12, c.toString());
            }
        }
    }

    @Test
    void zScore_constantEnsembleEqualToObserved_undefinedWithReason() {
        Statistic z = NullMoments.zScore(7, new long[] {7, 7, 7});
        Statistic.Undefined u = (Statistic.Undefined) z;
        assertTrue(u.reason().contains("zero null spread"), u.reason());
        assertTrue(u.reason().contains("equal the observed count 7"), u.reason());
    }

    @Test
    void zScore_constantEnsembleDifferentFromObserved_undefinedOutsideSupport() {
        Statistic.Undefined u = (Statistic.Undefined) NullMoments.zScore(9, new long[] {7, 7});
        assertTrue(u.reason().contains("outside the null's support"), u.reason());
    }

    @Test
    void zScore_emptyEnsemble_undefined() {
        assertFalse(NullMoments.zScore(1, new long[0]).isDefined());
        assertTrue(Double.isNaN(NullMoments.of(new long[0]).mean()));
    }

    @Test
    void zScore_mirroredEnsemble_exactlyNegated() {
        // y = c - x in every sample and in the observation: Z(y) must be bitwise -Z(x)
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + rng.nextInt(1000);
            long c = rng.nextLong(1_000_000, 1_000_000_000_000L);
            long[] x = new long[n];
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextLong(0, 1_000_000);
                y[i] = c - x[i];
            }
            long obs = rng.nextLong(0, 1_000_000);
            Statistic zx = NullMoments.zScore(obs, x);
            Statistic zy = NullMoments.zScore(c - obs, y);
            assertEquals(-zx.value(), zy.value(), 0.0);
        }
    }

    @Test
    void zScore_hugeCountsSmallSpread_exactAfterShift() {
        // doubles cannot tell these counts apart (ulp 256); the shifted integer path can
        long big = Long.MAX_VALUE / 8;
        long[] nulls = {big, big - 2, big + 2, big};
        assertEquals(4 / Math.sqrt(2), NullMoments.zScore(big + 4, nulls).value(), 1e-15);
        assertEquals(Math.sqrt(2), NullMoments.of(nulls).sd(), 1e-15);
    }

    @Test
    void zScore_hugeSpread_fallsBackToDoubles() {
        long big = Long.MAX_VALUE / 2;
        long[] nulls = {0, big, 0, big};
        assertEquals(1.0, NullMoments.zScore(big, nulls).value(), 1e-12);
        assertEquals(big / 2.0, NullMoments.of(nulls).sd(), 1e3);
    }
}
