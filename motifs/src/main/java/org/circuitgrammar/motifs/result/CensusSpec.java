package org.circuitgrammar.motifs.result;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.corpus.provenance.StepConfig;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.nulls.NullKind;

/**
 * Everything that determines the numbers of a census result: recorded in its provenance and hashed into its result
 * key. The thread count is deliberately absent: results are identical for any thread count, so a rerun with other
 * threads reuses them.
 *
 * @param profile         loading and null profile
 * @param families        motif families in the order given
 * @param nulls           null models in the order given (their ids seed the chains)
 * @param samples         null samples per (graph, null); 0 = counts only
 * @param sweepsPerSample swap sweeps (m trials each) between samples, as the ensemble takes it
 * @param seed            root seed
 * @param keepErrors      error nodes kept
 * @param threshold       edges kept iff |w| ≥ threshold (absolute, the same number for every graph)
 * @param topEdges        in (0, 1]: keep this fraction of each graph's edges, those of largest |w| (1 = all); applied
 *                        after {@code threshold}, so thresholds are comparable across graphs of different scales
 * @param maxLayerGap     edges kept iff layer gap ≤ this (0 = no limit); in the circuit-motifs profile the upper
 *                        end of the signed window (0 = the anchor's 5)
 */
public record CensusSpec(EnsembleSpec.Profile profile, List<MotifFamily> families, List<NullKind> nulls, int samples,
                         double sweepsPerSample, long seed, boolean keepErrors, double threshold, double topEdges,
                         int maxLayerGap) implements StepConfig {
    /** The step name in provenance. */
    public static final String STEP = "census";
    /** The default families. */
    public static final List<MotifFamily> DEFAULT_FAMILIES = List.of(MotifFamily.TRIAD, MotifFamily.SIGNED);

    public CensusSpec {
        Objects.requireNonNull(profile, "profile");
        families = List.copyOf(families);
        nulls = List.copyOf(nulls);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a census needs at least one motif family");
        }
        if (nulls.isEmpty()) {
            throw new IllegalArgumentException("a census needs at least one null model (use samples = 0 for counts only)");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0: " + samples);
        }
        if (!(sweepsPerSample > 0) || Double.isInfinite(sweepsPerSample)) {
            throw new IllegalArgumentException("sweeps per sample must be finite and > 0: " + sweepsPerSample);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and >= 0: " + threshold);
        }
        if (!(topEdges > 0 && topEdges <= 1)) {
            throw new IllegalArgumentException("top-edges fraction must be in (0, 1]: " + topEdges);
        }
        if (maxLayerGap < 0) {
            throw new IllegalArgumentException("max layer gap must be >= 0 (0 = no limit): " + maxLayerGap);
        }
    }

    /** The default census of {@code nulls}: default profile and families, n = 1000, seed 1, whole graph. */
    public static CensusSpec defaults(List<NullKind> nulls) {
        return new CensusSpec(EnsembleSpec.Profile.DEFAULT, DEFAULT_FAMILIES, nulls, 1000,
                EnsembleSpec.DEFAULT_SWEEPS_PER_SAMPLE, 1, false, 0.0, 1.0, 0);
    }

    /** This spec with {@code n} samples. */
    public CensusSpec withSamples(int n) {
        return new CensusSpec(profile, families, nulls, n, sweepsPerSample, seed, keepErrors, threshold, topEdges,
                maxLayerGap);
    }

    /** This spec with root seed {@code s}. */
    public CensusSpec withSeed(long s) {
        return new CensusSpec(profile, families, nulls, samples, sweepsPerSample, s, keepErrors, threshold, topEdges,
                maxLayerGap);
    }

    @Override
    public String step() {
        return STEP;
    }
}
