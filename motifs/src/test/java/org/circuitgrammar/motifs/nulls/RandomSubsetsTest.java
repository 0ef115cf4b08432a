package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomSubsetsTest {

    /** Every value of the universe must appear with frequency k/U (Floyd path when k ≤ U/2, complement path else). */
    @ParameterizedTest
    @CsvSource({"20,3", "20,15", "7,7", "9,0"})
    void sample_manyDraws_distinctSortedAndUniform(int universe, int k) {
        SplittableRandom rng = new SplittableRandom(universe * 31L + k);
        int draws = 40_000;
        long[] hits = new long[universe];
        for (int d = 0; d < draws; d++) {
            long[] s = RandomSubsets.sample(universe, k, rng);
            assertEquals(k, s.length);
            for (int i = 0; i < k; i++) {
                assertTrue(s[i] >= 0 && s[i] < universe);
                assertTrue(i == 0 || s[i] > s[i - 1], "ascending and distinct");
                hits[(int) s[i]]++;
            }
        }
        double p = (double) k / universe;
        double sd = Math.sqrt(draws * p * (1 - p));
        for (int v = 0; v < universe; v++) {
            assertEquals(draws * p, hits[v], 5 * sd + 1e-9, "value " + v);
        }
    }

    @ParameterizedTest
    @CsvSource({"5,6", "5,-1"})
    void sample_impossibleSize_throws(int universe, int k) {
        assertThrows(IllegalArgumentException.class, () -> RandomSubsets.sample(universe, k, new SplittableRandom(1)));
    }
}
