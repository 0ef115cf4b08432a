package org.circuitgrammar.motifs.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values") controlling the false discovery rate over one family of
 * tests: with the m p-values sorted ascending, {@code q_(i) = min_{j ≥ i} min(1, m · p_(j) / j)}; a test is a
 * discovery at FDR level α iff {@code q ≤ α}. Valid under independence and positive regression dependence (PRDS),
 * which motif counts of one graph need not satisfy; see the census documentation. {@code O(m log m)}; the result
 * does not depend on the input order (ties get equal q).
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /** q-values for {@code p} (each in [0, 1]), in the input order. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " is not in [0, 1]");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, m * p[i] / rank);
            q[i] = running;
        }
        return q;
    }

    /**
     * q-values over the defined p-values of {@code p}; undefined p-values stay undefined and are not part of the
     * family (they do not raise m).
     */
    public static List<Statistic> adjust(List<Statistic> p) {
        double[] defined = p.stream().filter(Statistic::isDefined).mapToDouble(Statistic::value).toArray();
        double[] q = adjust(defined);
        List<Statistic> out = new ArrayList<>(p.size());
        int k = 0;
        for (Statistic s : p) {
            out.add(s instanceof Statistic.Undefined u ? Statistic.undefined("p undefined: " + u.reason())
                    : Statistic.of(q[k++]));
        }
        return List.copyOf(out);
    }
}
