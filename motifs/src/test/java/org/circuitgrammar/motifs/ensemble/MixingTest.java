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
}
