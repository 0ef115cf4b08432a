package org.circuitgrammar.motifs.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median of a group of graphs' effect sizes and its bootstrap distribution over graphs (Efron's percentile
 * bootstrap: draw the group's graphs with replacement, take the median, repeat).
 *
 * <p>Deterministic: the draws come only from the {@link SplittableRandom} handed in, in a fixed order. Cost
 * {@code O(resamples · k log k)} for groups of k drawn graphs.
 */
public final class MedianBootstrap {
    /** The two-sided coverage of every interval this class returns. */
    public static final double COVERAGE = 0.95;

    private MedianBootstrap() {
    }

    /** The median (mean of the two middle values for an even count). Throws for no values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The central {@link #COVERAGE} percentile interval of the median of {@code drawn} values drawn with replacement
     * from {@code values}, over {@code resamples} draws: with {@code drawn = values.length} the usual bootstrap
     * interval of the median; with a smaller {@code drawn} the spread of the median of a smaller group of graphs
     * like these. Quantiles are the order statistics at ⌊p·(B − 1)⌉ (nearest rank, type-1 like).
     *
     * @return {@code {low, high}}
     */
    public static double[] interval(double[] values, int drawn, int resamples, SplittableRandom rng) {
        if (values.length == 0 || drawn < 1 || resamples < 1) {
            throw new IllegalArgumentException("need values, drawn >= 1 and resamples >= 1");
        }
        double[] medians = new double[resamples];
        double[] sample = new double[drawn];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < drawn; i++) {
                sample[i] = values[rng.nextInt(values.length)];
            }
            medians[b] = median(sample);
        }
        Arrays.sort(medians);
        double tail = (1 - COVERAGE) / 2;
        return new double[] {medians[rank(tail, resamples)], medians[rank(1 - tail, resamples)]};
    }

    private static int rank(double p, int count) {
        return (int) Math.round(p * (count - 1));
    }
}
