package org.circuitgrammar.motifs.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Observed counts of one motif family against one null ensemble: per class the null mean and population standard
 * deviation ({@link NullMoments}), the Z-score, the significance-profile entry ({@link SignificanceProfile}) and the
 * empirical two-sided p-value ({@link EmpiricalPValue}). q-values need every test of a run and are computed by the
 * caller with {@link BenjaminiHochberg}.
 *
 * <p>Immutable: arrays are copied in and out; use the indexed accessors in loops.
 */
public record FamilyStatistics(String family, List<String> labels, long[] observed, double[] nullMean,
                               double[] nullSd, int samples, List<Statistic> z, List<Statistic> sp,
                               List<Statistic> p) {
    public FamilyStatistics {
        Objects.requireNonNull(family, "family");
        labels = List.copyOf(labels);
        int k = labels.size();
        observed = observed.clone();
        nullMean = nullMean.clone();
        nullSd = nullSd.clone();
        z = List.copyOf(z);
        sp = List.copyOf(sp);
        p = List.copyOf(p);
        if (observed.length != k || nullMean.length != k || nullSd.length != k || z.size() != k || sp.size() != k
                || p.size() != k) {
            throw new IllegalArgumentException(family + ": every per-class column must have " + k + " entries");
        }
    }

    /**
     * Computes the statistics of one family. {@code O(n·k)}.
     *
     * @param samples {@code samples[i][c]} = count of class c in null sample i (not modified); may be empty
     */
    public static FamilyStatistics of(String family, List<String> labels, long[] observed, long[][] samples) {
        int k = labels.size();
        if (observed.length != k) {
            throw new IllegalArgumentException(family + ": " + observed.length + " observed counts for " + k
                    + " labels");
        }
        int n = samples.length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        List<Statistic> z = new ArrayList<>(k);
        List<Statistic> p = new ArrayList<>(k);
        long[] column = new long[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                if (samples[i].length != k) {
                    throw new IllegalArgumentException(family + ": null sample " + i + " has " + samples[i].length
                            + " counts for " + k + " labels");
                }
                column[i] = samples[i][c];
            }
            NullMoments moments = NullMoments.of(column);
            mean[c] = moments.mean();
            sd[c] = moments.sd();
            z.add(NullMoments.zScore(observed[c], column));
            p.add(EmpiricalPValue.twoSided(observed[c], column));
        }
        return new FamilyStatistics(family, labels, observed, mean, sd, n, z, SignificanceProfile.of(z), p);
    }

    public int size() { return labels.size(); }

    public long observed(int c) { return observed[c]; }

    public double nullMean(int c) { return nullMean[c]; }

    public double nullSd(int c) { return nullSd[c]; }

    @Override
    public long[] observed() { return observed.clone(); }

    @Override
    public double[] nullMean() { return nullMean.clone(); }

    @Override
    public double[] nullSd() { return nullSd.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof FamilyStatistics f && family.equals(f.family) && labels.equals(f.labels)
                && Arrays.equals(observed, f.observed) && Arrays.equals(nullMean, f.nullMean)
                && Arrays.equals(nullSd, f.nullSd) && samples == f.samples && z.equals(f.z) && sp.equals(f.sp)
                && p.equals(f.p);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, labels, Arrays.hashCode(observed), Arrays.hashCode(nullMean),
                Arrays.hashCode(nullSd), samples, z, sp, p);
    }

    @Override
    public String toString() {
        return "FamilyStatistics[" + family + ", " + labels.size() + " classes, n = " + samples + "]";
    }
}
