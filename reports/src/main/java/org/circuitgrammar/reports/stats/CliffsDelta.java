package org.circuitgrammar.reports.stats;

/**
 * Cliff's delta, the effect size of a two-group rank comparison: {@code (#{x > y} − #{x < y}) / (n₁ n₂)} over every
 * pair, in [−1, 1]; positive when the first sample tends to be larger. It equals the rank-biserial correlation
 * {@code 2U₁/(n₁n₂) − 1} of the Mann–Whitney test. Computed by counting pairs, {@code O(n₁ n₂)}: cheap at the group
 * sizes of a corpus and independent of the ranks.
 */
public final class CliffsDelta {
    private CliffsDelta() {
    }

    /** Delta of {@code x} over {@code y} (both non-empty). */
    public static double of(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        long more = 0;
        long less = 0;
        for (double a : x) {
            for (double b : y) {
                if (a > b) {
                    more++;
                } else if (a < b) {
                    less++;
                }
            }
        }
        return (more - less) / ((double) x.length * y.length);
    }
}
