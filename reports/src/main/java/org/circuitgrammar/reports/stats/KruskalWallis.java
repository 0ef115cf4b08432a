package org.circuitgrammar.reports.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The Kruskal–Wallis H test of k ≥ 2 independent samples, as scipy's {@code kruskal}: mid-ranks over the pooled
 * values, {@code H = 12/(n(n+1)) Σ R_i²/n_i − 3(n+1)} divided by the tie correction {@code 1 − Σ(t³−t)/(n³−n)}, and
 * p from the χ² distribution with k − 1 degrees of freedom. The effect size is
 * ε² = H / (n − 1) (Tomczak &amp; Tomczak 2014), the share of rank variance between groups, in [0, 1].
 * {@code O(n log n)}.
 */
public final class KruskalWallis {
    private KruskalWallis() {
    }

    /**
     * The result.
     *
     * @param h              the tie-corrected statistic (0 when every value is equal)
     * @param degreesOfFreedom k − 1
     * @param p              upper tail of χ²(k − 1) at H
     * @param epsilonSquared H / (n − 1)
     */
    public record Result(double h, int degreesOfFreedom, double p, double epsilonSquared) {
    }

    /** Tests the samples (at least two, each non-empty, finite values). */
    public static Result test(double[]... samples) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("Kruskal-Wallis needs at least two samples: " + samples.length);
        }
        int n = 0;
        for (double[] s : samples) {
            if (s.length == 0) {
                throw new IllegalArgumentException("every sample needs at least one value");
            }
            n += s.length;
        }
        double[] pooled = new double[n];
        int at = 0;
        for (double[] s : samples) {
            System.arraycopy(s, 0, pooled, at, s.length);
            at += s.length;
        }
        Ranks ranks = Ranks.of(pooled);
        double sum = 0;
        at = 0;
        for (double[] s : samples) {
            double r = 0;
            for (int i = 0; i < s.length; i++) {
                r += ranks.rank(at + i);
            }
            at += s.length;
            sum += r * r / s.length;
        }
        double h = 12.0 / (n * (n + 1.0)) * sum - 3.0 * (n + 1);
        double correction = 1 - ranks.tieTerm() / ((double) n * n * n - n);
        int df = samples.length - 1;
        if (correction <= 0) {
            return new Result(0, df, 1, 0);
        }
        h = Math.max(0, h / correction);
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(h);
        return new Result(h, df, Math.min(1, Math.max(0, p)), n > 1 ? Math.min(1, h / (n - 1)) : 0);
    }
}
