package org.circuitgrammar.reports.stats;

import java.util.List;
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
        List<String> shared = a.keySet().stream().filter(b::containsKey).toList();
        if (shared.isEmpty()) {
            return Statistic.undefined("the profiles share no defined entry");
        }
        return of(shared.stream().mapToDouble(a::get).toArray(), shared.stream().mapToDouble(b::get).toArray());
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
