package org.circuitgrammar.motifs.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Double> byClass = new LinkedHashMap<>();
        double min = Double.NaN;
        for (FamilyCounts f : families) {
            for (int k = 0; k < f.classCount(); k++) {
                double ess = effectiveSamples(chains, f.nullCounts(k));
                if (!Double.isNaN(ess)) {
                    byClass.put(f.family() + "/" + f.labels().get(k), ess);
                    min = Double.isNaN(min) ? ess : Math.min(min, ess);
                }
            }
        }
        List<Double> perChain = new ArrayList<>();
        for (int c = 0; chains < samples && c < chains; c++) {
            int from = NullEnsemble.firstSample(c, chains, samples);
            int to = NullEnsemble.firstSample(c + 1, chains, samples);
            perChain.add(effectiveSamples(1, Arrays.copyOfRange(statistic, from, to)));
        }
        return new MixingDiagnostics(chains, burnIn, sweepsPerSample, statisticName,
                lag1(chains, statistic), z(observedStatistic, statistic, early, true),
                z(observedStatistic, statistic, early, false), maxDifference, effectiveSamples(chains, statistic),
                perChain, byClass, min);
    }

    /**
     * Effective sample size N / τ of a statistic sampled along {@code chains} chains (chain c owns samples
     * {@code [NullEnsemble.firstSample(c), NullEnsemble.firstSample(c + 1))}), τ = 1 + 2 Σ_{t≥1} ρ_t the integrated
     * autocorrelation time. ρ_t is pooled over the chains, every deviation taken from the <em>grand</em> mean, so
     * chains that disagree in level (too little burn-in) show up as correlation and lower the result; lags beyond
     * the shortest chain count as 0. The sum is cut by Geyer's initial monotone positive sequence (pairs
     * ρ_{2k} + ρ_{2k+1} while positive and non-increasing). Capped at N (negative correlation is not credited); NaN
     * if the statistic never varies. Chains of one sample each give N. {@code O(N · L)} for L lags kept.
     */
    static double effectiveSamples(int chains, long[] x) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        double mean = 0;
        for (long v : x) {
            mean += v;
        }
        mean /= n;
        double variance = 0;
        for (long v : x) {
            variance += (v - mean) * (v - mean);
        }
        if (!(variance > 0)) {
            return Double.NaN;
        }
        int shortest = Integer.MAX_VALUE;
        for (int c = 0; c < chains; c++) {
            shortest = Math.min(shortest, NullEnsemble.firstSample(c + 1, chains, n) - NullEnsemble.firstSample(c,
                    chains, n));
        }
        double tau = -1;                     // −ρ_0 + 2 Σ_k (ρ_2k + ρ_2k+1)
        double previousPair = Double.POSITIVE_INFINITY;
        for (int t = 0; t < shortest; t += 2) {
            double pair = autocorrelation(chains, x, mean, variance, t)
                    + (t + 1 < shortest ? autocorrelation(chains, x, mean, variance, t + 1) : 0);
            if (!(pair > 0)) {
                break;
            }
            pair = Math.min(pair, previousPair);
            tau += 2 * pair;
            previousPair = pair;
        }
        return n / Math.max(1.0, tau);
    }

    /** Lag-t autocorrelation pooled over the chains, deviations from {@code mean}, normalised by n/(n − pairs). */
    private static double autocorrelation(int chains, long[] x, double mean, double variance, int lag) {
        double sum = 0;
        long pairs = 0;
        for (int c = 0; c < chains; c++) {
            int from = NullEnsemble.firstSample(c, chains, x.length);
            int to = NullEnsemble.firstSample(c + 1, chains, x.length);
            for (int i = from; i + lag < to; i++) {
                sum += (x[i] - mean) * (x[i + lag] - mean);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs / (variance / x.length);
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
