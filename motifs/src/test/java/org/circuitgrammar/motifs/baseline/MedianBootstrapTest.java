package org.circuitgrammar.motifs.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MedianBootstrapTest {
    @Test
    void median_oddAndEvenCounts_middleValueOrMeanOfTheTwo() {
        assertEquals(3.0, MedianBootstrap.median(new double[] {5, 3, 1}));
        assertEquals(2.5, MedianBootstrap.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void interval_constantValues_collapsesOnTheConstant() {
        double[] v = MedianBootstrap.interval(new double[] {0.3, 0.3, 0.3}, 3, 500, new SplittableRandom(1));
        assertArrayEquals(new double[] {0.3, 0.3}, v);
    }

    @Test
    void interval_twoValuesOneDrawn_spansBoth() {
        // drawing one of {0, 1} gives each with probability 1/2, so the 2.5 % and 97.5 % quantiles are 0 and 1
        double[] v = MedianBootstrap.interval(new double[] {0, 1}, 1, 1000, new SplittableRandom(3));
        assertArrayEquals(new double[] {0, 1}, v);
    }

    @Test
    void interval_sameSeed_sameInterval() {
        double[] values = {0.1, 0.5, -0.2, 0.9, 0.4, 0.3, 0.0};
        assertArrayEquals(MedianBootstrap.interval(values, 7, 300, new SplittableRandom(11)),
                MedianBootstrap.interval(values, 7, 300, new SplittableRandom(11)));
    }

    /**
     * Coverage: for 200 seeded samples of 41 standard normal values the 95 % interval holds the true median 0 in
     * about 95 % of them. A percentile interval of a median is slightly conservative at this size; the test fails if
     * fewer than 178 of 200 cover (binomial(200, 0.95): P(X &lt; 178) ≈ 0.002, so α ≈ 0.002).
     */
    @Test
    void interval_normalSamples_coverTheTrueMedianAtAbout95Percent() {
        SplittableRandom data = new SplittableRandom(2024);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] values = new double[41];
            for (int i = 0; i < values.length; i++) {
                values[i] = gaussian(data);
            }
            double[] iv = MedianBootstrap.interval(values, values.length, 1000, data.split());
            if (iv[0] <= 0 && 0 <= iv[1]) {
                covered++;
            }
        }
        assertTrue(covered >= 178, "covered " + covered + " of 200");
    }

    /** Box–Muller, so the oracle does not depend on the code under test. */
    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
