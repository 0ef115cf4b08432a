package org.circuitgrammar.motifs.stats;

/**
 * The effect size of a motif count against a null: {@code log2(observed / null mean)}, with a 95 % interval for the
 * Monte Carlo uncertainty of the null mean. Unlike Z it does not grow with graph size: a 5 % excess is 0.07 whether
 * the graph has 100 or 100,000 edges.
 *
 * <p>Interval: the null mean of n samples has standard error {@code s / √n} (s the sample standard deviation,
 * divisor n − 1); with {@code z = 1.96} the interval is {@code [log2(obs / (mean + z·se)), log2(obs / (mean − z·se))]}.
 * It says how precisely n samples pin the effect, not how far the null spreads (that is Z, and the stored null
 * distribution). The upper end is undefined when {@code mean − z·se ≤ 0}. {@code O(n)}.
 *
 * @param log2Ratio log2(observed / null mean); undefined when either is 0 (the ratio is 0 or infinite) or n = 0
 * @param low       lower end of the 95 % interval
 * @param high      upper end
 */
public record EffectSize(Statistic log2Ratio, Statistic low, Statistic high) {
    /** The 0.975 quantile of the standard normal. */
    public static final double Z_975 = 1.959963984540054;
    private static final double LN2 = Math.log(2);

    /** The effect of {@code observed} against {@code nulls} (not modified). */
    public static EffectSize of(long observed, long[] nulls) {
        return of(observed, nulls, NullMoments.of(nulls));
    }

    /** The same with the moments of {@code nulls} already computed. */
    public static EffectSize of(long observed, long[] nulls, NullMoments m) {
        int n = nulls.length;
        if (n == 0) {
            Statistic none = Statistic.undefined("no null samples (n = 0)");
            return new EffectSize(none, none, none);
        }
        if (observed == 0 || m.mean() == 0) {
            Statistic none = Statistic.undefined(observed == 0 && m.mean() == 0
                    ? "observed count and null mean are both 0" : observed == 0
                    ? "observed count is 0: the log ratio is -infinity (null mean " + m.mean() + ")"
                    : "null mean is 0: the log ratio is +infinity (observed " + observed + ")");
            return new EffectSize(none, none, none);
        }
        Statistic ratio = Statistic.of(log2(observed / m.mean()));
        if (n < 2) {
            Statistic none = Statistic.undefined("one null sample: no interval");
            return new EffectSize(ratio, none, none);
        }
        double se = m.sd() * Math.sqrt((double) n / (n - 1)) / Math.sqrt(n);
        double upperMean = m.mean() + Z_975 * se;
        double lowerMean = m.mean() - Z_975 * se;
        Statistic low = Statistic.of(log2(observed / upperMean));
        Statistic high = lowerMean > 0 ? Statistic.of(log2(observed / lowerMean))
                : Statistic.undefined("the interval of the null mean reaches 0: no upper bound");
        return new EffectSize(ratio, low, high);
    }

    private static double log2(double x) {
        return Math.log(x) / LN2;
    }
}
