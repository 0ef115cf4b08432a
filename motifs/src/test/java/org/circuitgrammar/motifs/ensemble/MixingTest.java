package org.circuitgrammar.motifs.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixingTest {

    @Test
    void lag1_alternatingSeries_minusOneish_ar1_nearPhi() {
        long[] alternating = new long[100];
        for (int i = 0; i < 100; i++) {
            alternating[i] = i % 2 == 0 ? 10 : 0;
        }
        // hand computation: deviations ±5, numerator 99·(−25), denominator 100·25
        assertEquals(-0.99, Mixing.lag1(1, alternating), 1e-12);
        SplittableRandom rng = new SplittableRandom(4);
        long[] ar = new long[40_000];
        double x = 0;
        for (int i = 0; i < ar.length; i++) {
            x = 0.8 * x + rng.nextGaussian() * 100;
            ar[i] = Math.round(x);
        }
        assertEquals(0.8, Mixing.lag1(4, ar), 0.02);
    }

    @Test
    void lag1_chainsAreCentredSeparately() {
        // two constant-within-chain runs at different levels: no within-chain variation at all
        long[] x = {5, 5, 5, 9, 9, 9};
        assertTrue(Double.isNaN(Mixing.lag1(2, x)));
    }

    @Test
    void earlyHalf_thinnedChains_firstHalfOfEach_freshChains_firstHalfOfChains() {
        // chain 0 owns samples 0..1, chain 1 owns 2..4 (its first 5/2 = 1 sample is early)
        assertArrayEquals(new boolean[] {true, false, true, false, false}, Mixing.earlyHalf(2, 5));
        assertArrayEquals(new boolean[] {true, true, false, false}, Mixing.earlyHalf(4, 4));
    }

    @Test
    void z_hand() {
        long[] x = {1, 3, 10, 10};
        boolean[] early = {true, true, false, false};
        assertEquals((5 - 2) / 1.0, Mixing.z(5, x, early, true), 1e-12);
        assertTrue(Double.isNaN(Mixing.z(5, x, early, false)));
    }

    /** AR(1) with φ has τ = (1 + φ)/(1 − φ) (closed form); independent draws give N; one sample per chain gives N. */
    @Test
    void effectiveSamples_ar1_matchesClosedForm_independent_nearN() {
        SplittableRandom rng = new SplittableRandom(8);
        for (double phi : new double[] {0.0, 0.5, 0.8}) {
            int chains = 16;
            long[] x = new long[chains * 5000];
            for (int c = 0; c < chains; c++) {
                double v = rng.nextGaussian() * 100 / Math.sqrt(1 - phi * phi);     // stationary start
                for (int i = 0; i < 5000; i++) {
                    v = phi * v + rng.nextGaussian() * 100;
                    x[c * 5000 + i] = Math.round(v);
                }
            }
            double expected = x.length * (1 - phi) / (1 + phi);
            assertEquals(expected, Mixing.effectiveSamples(chains, x), 0.1 * expected, "phi " + phi);
        }
        long[] oneEach = {3, 9, 4, 1, 7};
        assertEquals(5.0, Mixing.effectiveSamples(5, oneEach), 1e-12);
    }

    /** Chains stuck at different levels (no burn-in): almost no effective samples, though each chain looks fine. */
    @Test
    void effectiveSamples_chainsAtDifferentLevels_few() {
        SplittableRandom rng = new SplittableRandom(2);
        long[] x = new long[4 * 250];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i / 250) * 1000 + rng.nextInt(10);
        }
        assertTrue(Mixing.effectiveSamples(4, x) < 20, "ess " + Mixing.effectiveSamples(4, x));
        assertTrue(Mixing.effectiveSamples(1, java.util.Arrays.copyOf(x, 250)) > 150);
    }
}
