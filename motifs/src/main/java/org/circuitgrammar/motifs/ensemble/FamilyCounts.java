package org.circuitgrammar.motifs.ensemble;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One motif family's counts on the observed graph and on every null sample.
 *
 * @param family   the family name ({@code triad}, {@code signed}, ...)
 * @param labels   class labels, in count order
 * @param observed count of class k on the observed graph
 * @param samples  {@code samples[i][k]} = count of class k in null sample i
 */
public record FamilyCounts(String family, List<String> labels, long[] observed, long[][] samples) {
    public FamilyCounts {
        Objects.requireNonNull(family, "family");
        labels = List.copyOf(labels);
        observed = observed.clone();
        if (observed.length != labels.size()) {
            throw new IllegalArgumentException(family + ": " + observed.length + " counts for " + labels.size()
                    + " labels");
        }
        long[][] copy = new long[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != labels.size()) {
                throw new IllegalArgumentException(family + ": sample " + i + " has " + samples[i].length
                        + " counts for " + labels.size() + " labels");
            }
            copy[i] = samples[i].clone();
        }
        samples = copy;
    }

    /** Number of classes. */
    public int classCount() {
        return labels.size();
    }

    /** Number of null samples. */
    public int sampleCount() {
        return samples.length;
    }

    /** Count of class {@code k} on the observed graph. */
    public long observed(int k) {
        return observed[k];
    }

    /** Count of class {@code k} in null sample {@code i}. */
    public long sample(int i, int k) {
        return samples[i][k];
    }

    /** The counts of class {@code k} over all samples, in sample order (a copy). */
    public long[] nullCounts(int k) {
        long[] out = new long[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i][k];
        }
        return out;
    }

    @Override
    public long[] observed() {
        return observed.clone();
    }

    @Override
    public long[][] samples() {
        long[][] copy = new long[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            copy[i] = samples[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FamilyCounts f && family.equals(f.family) && labels.equals(f.labels)
                && Arrays.equals(observed, f.observed) && Arrays.deepEquals(samples, f.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, labels, Arrays.hashCode(observed), Arrays.deepHashCode(samples));
    }

    @Override
    public String toString() {
        return "FamilyCounts[" + family + ", " + labels.size() + " classes, " + samples.length + " samples, observed "
                + Arrays.toString(observed) + "]";
    }
}
