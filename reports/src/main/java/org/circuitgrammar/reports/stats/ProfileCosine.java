package org.circuitgrammar.reports.stats;

import java.util.Map;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * Cosine similarity of two significance profiles, each a map from motif key to SP entry. Only keys defined in both
 * profiles count (a class the null could not vary in one graph carries no evidence there; {@code docs/census.md}),
 * so the result is {@code a·b / (|a| |b|)} over the shared keys, in [−1, 1]. {@code O(keys)}.
 */
public final class ProfileCosine {
    private ProfileCosine() {
    }

    /** The cosine of {@code a} and {@code b} over their shared keys; undefined without one or with a zero vector. */
    public static Statistic of(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        int shared = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other == null) {
                continue;
            }
            shared++;
            double x = e.getValue();
            dot += x * other;
            na += x * x;
            nb += other * other;
        }
        if (shared == 0) {
            return Statistic.undefined("the profiles share no defined entry");
        }
        if (na == 0 || nb == 0) {
            return Statistic.undefined("a profile is zero on the shared entries");
        }
        return Statistic.of(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
    }

    /** The plain cosine of two vectors of equal length; undefined for a zero vector. */
    public static Statistic of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return Statistic.undefined("a zero vector has no direction");
        }
        return Statistic.of(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
    }
}
