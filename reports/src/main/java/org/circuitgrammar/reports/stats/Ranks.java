package org.circuitgrammar.reports.stats;

import java.util.Arrays;

/**
 * Mid-ranks of pooled samples, the common ground of the rank tests: tied values share the mean of the ranks they
 * occupy (scipy's {@code rankdata(method="average")}). {@code O(n log n)}.
 */
final class Ranks {
    private final double[] ranks;
    private final double tieTerm;

    private Ranks(double[] ranks, double tieTerm) {
        this.ranks = ranks;
        this.tieTerm = tieTerm;
    }

    /** Ranks 1..n of {@code values} (finite), ties averaged. */
    static Ranks of(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        double tieTerm = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double mid = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = mid;
            }
            double t = end - start + 1;
            tieTerm += t * t * t - t;
            start = end + 1;
        }
        return new Ranks(ranks, tieTerm);
    }

    /** The rank of value {@code i}. */
    double rank(int i) {
        return ranks[i];
    }

    /** Σ (t³ − t) over the groups of t tied values (0 without ties). */
    double tieTerm() {
        return tieTerm;
    }

    /** True iff some value occurs more than once. */
    boolean hasTies() {
        return tieTerm > 0;
    }
}
