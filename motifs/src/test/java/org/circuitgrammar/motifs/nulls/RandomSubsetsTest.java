package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomSubsetsTest {

    /**
     * Every value of the universe must appear with frequency k/U, on each path: bitset (limit 2^24), hash set
     * (limit 0, k ≤ U/2) and complement (limit 0, k > U/2).
     */
    @ParameterizedTest
    @CsvSource({"20,3,16777216", "20,15,16777216", "7,7,16777216", "9,0,16777216", "20,3,0", "20,15,0", "7,7,0",
        "9,0,0"})
    void sample_manyDraws_distinctSortedAndUniform(int universe, int k, long bitsetLimit) {
        SplittableRandom rng = new SplittableRandom(universe * 31L + k);
        int draws = 40_000;
        long[] hits = new long[universe];
        for (int d = 0; d < draws; d++) {
            long[] s = RandomSubsets.sample(universe, k, rng, bitsetLimit);
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
