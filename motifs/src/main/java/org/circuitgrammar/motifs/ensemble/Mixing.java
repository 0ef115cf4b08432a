package org.circuitgrammar.motifs.ensemble;

import java.util.List;

/** Computes {@link MixingDiagnostics} from an ensemble's samples laid out chain by chain. */
final class Mixing {
    private Mixing() {
    }

    /**
     * @param statistic the watched statistic per sample; chain c owns samples
     *                  {@code [NullEnsemble.firstSample(c), NullEnsemble.firstSample(c + 1))}
     */
    static MixingDiagnostics diagnose(int chains, double burnIn, double sweepsPerSample, String statisticName,
                                      long observedStatistic, long[] statistic, List<FamilyCounts> families) {
        int samples = statistic.length;
        boolean[] early = earlyHalf(chains, samples);
        double maxDifference = Double.NaN;
        for (FamilyCounts f : families) {
            for (int k = 0; k < f.classCount(); k++) {
                double difference = Math.abs(z(f.observed(k), f.nullCounts(k), early, true)
                        - z(f.observed(k), f.nullCounts(k), early, false));
                if (!Double.isNaN(difference) && !(difference <= maxDifference)) {
                    maxDifference = difference;
                }
            }
        }
        return new MixingDiagnostics(chains, burnIn, sweepsPerSample, statisticName,
                lag1(chains, statistic), z(observedStatistic, statistic, early, true),
                z(observedStatistic, statistic, early, false), maxDifference);
    }

    /** Which samples form the early half: the first half of each chain, or of the chains if each has one sample. */
    static boolean[] earlyHalf(int chains, int samples) {
        boolean[] early = new boolean[samples];
        boolean oneEach = chains == samples;
        for (int c = 0; c < chains; c++) {
            int from = NullEnsemble.firstSample(c, chains, samples);
            int to = NullEnsemble.firstSample(c + 1, chains, samples);
            for (int i = from; i < to; i++) {
                early[i] = oneEach ? c < chains / 2 : i - from < (to - from) / 2;
            }
        }
        return early;
    }

    /** Pooled lag-1 autocorrelation: Σ over chains of Σ_t (x_t − μ_c)(x_{t+1} − μ_c) over Σ of (x_t − μ_c)². */
    static double lag1(int chains, long[] x) {
        double numerator = 0;
        double denominator = 0;
        boolean anyPair = false;
        for (int c = 0; c < chains; c++) {
            int from = NullEnsemble.firstSample(c, chains, x.length);
            int to = NullEnsemble.firstSample(c + 1, chains, x.length);
            if (to - from < 2) {
                continue;
            }
            anyPair = true;
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += x[i];
            }
            mean /= to - from;
            for (int i = from; i < to; i++) {
                denominator += (x[i] - mean) * (x[i] - mean);
                if (i + 1 < to) {
                    numerator += (x[i] - mean) * (x[i + 1] - mean);
                }
            }
        }
        return anyPair && denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /** Z of {@code observed} against the samples with {@code early[i] == which} (population sd); NaN if no spread. */
    static double z(long observed, long[] x, boolean[] early, boolean which) {
        int n = 0;
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            if (early[i] == which) {
                n++;
                mean += x[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < x.length; i++) {
            if (early[i] == which) {
                var += (x[i] - mean) * (x[i] - mean);
            }
        }
        double sd = Math.sqrt(var / n);
        return sd > 0 ? (observed - mean) / sd : Double.NaN;
    }
}
