package org.circuitgrammar.motifs.stats;

/**
 * Empirical two-sided p-value of an observed count against a null ensemble, with the +1 correction of
 * North, Curtis and Sham (2002) / Davison and Hinkley (1997):
 *
 * <pre>
 *   p_upper = (1 + #{x_i ≥ obs}) / (n + 1)        p_lower = (1 + #{x_i ≤ obs}) / (n + 1)
 *   p       = min(1, 2 · min(p_upper, p_lower))
 * </pre>
 *
 * <p>Why the doubled smaller tail and not the centred form {@code (1 + #{|x_i − mean| ≥ |obs − mean|}) / (n + 1)}:
 * null distributions of motif counts are discrete and often skewed (FFL counts of sparse blocks, counts pinned near
 * zero), and the centred form is only valid for a null symmetric about its mean; it also depends on the estimated
 * mean. Each one-sided +1 p-value is valid (P(p ≤ α) ≤ α when the observed graph is exchangeable with the null
 * samples), so by the union bound the doubled minimum is a valid two-sided p-value for any null shape, at the price of
 * being conservative for symmetric nulls. Ties count in both tails (conservative for discrete nulls). The smallest
 * attainable p is {@code 2 / (n + 1)}: with n = 1000 no motif can be significant below 0.002.
 *
 * <p>A constant ensemble still gives a p-value: 1 if the observed count equals the constant, {@code 2 / (n + 1)} if
 * not. An empty ensemble gives {@link Statistic.Undefined}. {@code O(n)}.
 */
public final class EmpiricalPValue {
    private EmpiricalPValue() {
    }

    /** The two-sided p-value; {@code nulls} is not modified. */
    public static Statistic twoSided(long observed, long[] nulls) {
        int n = nulls.length;
        if (n == 0) {
            return Statistic.undefined("no null samples (n = 0)");
        }
        int atLeast = 0;
        int atMost = 0;
        for (long x : nulls) {
            if (x >= observed) {
                atLeast++;
            }
            if (x <= observed) {
                atMost++;
            }
        }
        double smallerTail = (1.0 + Math.min(atLeast, atMost)) / (n + 1.0);
        return Statistic.of(Math.min(1.0, 2.0 * smallerTail));
    }
}
