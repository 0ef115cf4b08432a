package org.circuitgrammar.reports.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Mann–Whitney U test (Wilcoxon rank-sum) of two independent samples, computed as scipy's
 * {@code mannwhitneyu(x, y, alternative="two-sided", method=...)} does, with the method chosen by one fixed rule:
 * <ul>
 *   <li><b>exact</b> when there are no ties and at least one sample has at most 8 values: p = 2 · P(U ≥ max(U₁, U₂))
 *       under the exact permutation distribution of U, capped at 1;</li>
 *   <li><b>asymptotic</b> otherwise: the normal approximation with the tie-corrected variance
 *       {@code n₁n₂/12 · ((n+1) − Σ(t³−t)/(n(n−1)))} and a continuity correction of ½.</li>
 * </ul>
 * The rule is scipy 1.10's {@code method="auto"}; newer scipy releases changed their automatic choice, so the
 * fixtures name the method explicitly. Commons Math's {@code MannWhitneyUTest} is not used: it has neither the tie
 * correction nor the continuity correction nor an exact branch, so its p-values differ from scipy's.
 * Cost {@code O(n log n)}, plus {@code O(n₁ n₂ · min(n₁, n₂))} for the exact distribution (small by the rule).
 */
public final class MannWhitneyU {
    /** At most this many values in the smaller sample (and no ties) give the exact p-value. */
    public static final int EXACT_MAX_SIZE = 8;

    private MannWhitneyU() {
    }

    /** How the p-value was computed. */
    public enum Method { EXACT, ASYMPTOTIC }

    /**
     * The result.
     *
     * @param u1     U of the first sample: {@code R₁ − n₁(n₁+1)/2} (scipy's statistic)
     * @param p      two-sided p-value
     * @param method how p was computed
     */
    public record Result(double u1, double p, Method method) {
    }

    /** Tests {@code x} against {@code y} (each non-empty, finite values). */
    public static Result test(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need at least one value: " + n1 + ", " + n2);
        }
        double[] pooled = new double[n1 + n2];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, n2);
        Ranks ranks = Ranks.of(pooled);
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += ranks.rank(i);
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u = Math.max(u1, (double) n1 * n2 - u1);
        boolean exact = !ranks.hasTies() && (n1 <= EXACT_MAX_SIZE || n2 <= EXACT_MAX_SIZE);
        double p;
        if (exact) {
            p = 2 * exactUpperTail(n1, n2, (int) Math.round(u));
        } else {
            int n = n1 + n2;
            double sd = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - ranks.tieTerm() / ((double) n * (n - 1))));
            double z = (u - n1 * (double) n2 / 2 - 0.5) / sd;
            p = sd > 0 ? 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-z) : 1;
        }
        return new Result(u1, Math.min(1, Math.max(0, p)), exact ? Method.EXACT : Method.ASYMPTOTIC);
    }

    /**
     * P(U ≥ u) when every ordering of n₁ + n₂ distinct values is equally likely, by the recurrence
     * {@code f(m, n, k) = m/(m+n) · f(m−1, n, k−n) + n/(m+n) · f(m, n−1, k)} on the point probabilities.
     */
    static double exactUpperTail(int n1, int n2, int u) {
        int small = Math.min(n1, n2);
        int large = Math.max(n1, n2);
        int maxU = small * large;
        // prob[m][k] for the current column n of the recurrence, m = 0..small
        double[][] prob = new double[small + 1][];
        for (int m = 0; m <= small; m++) {
            prob[m] = new double[maxU + 1];
        }
        // n = 0: U = 0 with probability 1 for every m
        for (int m = 0; m <= small; m++) {
            prob[m][0] = 1;
        }
        for (int n = 1; n <= large; n++) {
            double[][] next = new double[small + 1][];
            next[0] = new double[maxU + 1];
            next[0][0] = 1;
            for (int m = 1; m <= small; m++) {
                double[] row = new double[maxU + 1];
                double a = m / (double) (m + n);
                double b = n / (double) (m + n);
                for (int k = 0; k <= m * n; k++) {
                    double fromFewerM = k >= n ? next[m - 1][k - n] : 0;
                    row[k] = a * fromFewerM + b * prob[m][k];
                }
                next[m] = row;
            }
            prob = next;
        }
        double tail = 0;
        for (int k = Math.max(0, u); k <= maxU; k++) {
            tail += prob[small][k];
        }
        return tail;
    }
}
