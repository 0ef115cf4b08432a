package org.circuitgrammar.motifs.ensemble;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well the ensemble's chains mixed, reported with every result. The watched statistic is the FFL count: the
 * {@code 030T} class of a counted family if there is one, else the number of transitive triples (a→b, b→c, a→c), which
 * equals 030T on a DAG.
 *
 * @param chains              number of independent chains (= samples for direct samplers and the circuit-motifs
 *                            profile, where every sample has its own fresh chain)
 * @param burnInSweeps        sweeps each chain made before its first sample
 * @param sweepsPerSample     sweeps between consecutive samples of a chain
 * @param statistic           what was watched, e.g. {@code triad/030T} or {@code transitive triples}
 * @param lag1Autocorrelation lag-1 autocorrelation of the statistic along the chains (pooled over chains, each
 *                            centred on its own mean); NaN when no chain has two samples or the statistic never varies
 * @param zFirstHalf          Z of the observed statistic against the early half of every chain's samples (the first
 *                            half of the chains when each chain has one sample); NaN when that half has no spread
 * @param zSecondHalf         the same against the late half
 * @param maxHalfZDifference  the largest |Z(early) − Z(late)| over every class of every family where both are finite;
 *                            NaN if there is none. Of the order of a few tenths for a well-mixed ensemble of 1000
 * @param effectiveSamples    effective sample size of the statistic over the whole ensemble
 *                            ({@link Mixing#effectiveSamples}): the number of independent samples that would
 *                            estimate its null mean as precisely; at most the sample count, which it equals for
 *                            independent draws (er, lp-er, the circuit-motifs profile); NaN if it never varies
 * @param effectiveSamplesPerChain the same for each chain alone, centred on its own mean; empty when every chain
 *                            has one sample
 * @param effectiveSamplesByClass  total effective sample size of every class of every family that varies, keyed
 *                            {@code family/label}, in family and class order
 * @param minEffectiveSamples the smallest value of {@code effectiveSamplesByClass} (NaN if it is empty): the class
 *                            whose Z is the least precise for its sample count
 */
public record MixingDiagnostics(int chains, double burnInSweeps, double sweepsPerSample, String statistic,
                                double lag1Autocorrelation, double zFirstHalf, double zSecondHalf,
                                double maxHalfZDifference, double effectiveSamples,
                                List<Double> effectiveSamplesPerChain, Map<String, Double> effectiveSamplesByClass,
                                double minEffectiveSamples) {
    public MixingDiagnostics {
        effectiveSamplesPerChain = List.copyOf(effectiveSamplesPerChain);
        effectiveSamplesByClass = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveSamplesByClass));
    }
}
