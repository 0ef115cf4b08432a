package org.circuitgrammar.cli.census;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.corpus.provenance.StepConfig;

/**
 * Everything that determines the numbers of a census result, recorded in its provenance and hashed into its result
 * key. The thread count is deliberately absent: results are identical for any thread count, so a rerun with other
 * threads reuses them.
 *
 * @param nulls           null model names in the order given
 * @param samples         null samples per (graph, null); 0 = counts only
 * @param sweepsPerSample swap sweeps (m trials each) between samples, as the ensemble takes it
 * @param seed            root seed
 * @param motifs          motif family names in the order given
 * @param profile         loading and null profile
 * @param keepErrors      error nodes kept
 * @param threshold       edges kept iff |w| ≥ threshold
 * @param maxLayerGap     edges kept iff layer gap ≤ this (0 = no limit); in the circuit-motifs profile the upper
 *                        end of the signed window (0 = the anchor's 5)
 */
public record CensusParameters(List<String> nulls, int samples, double sweepsPerSample, long seed,
                               List<String> motifs, String profile, boolean keepErrors, double threshold,
                               int maxLayerGap) implements StepConfig {
    /** The step name in provenance. */
    public static final String STEP = "census";

    public CensusParameters {
        nulls = List.copyOf(nulls);
        motifs = List.copyOf(motifs);
        Objects.requireNonNull(profile, "profile");
    }

    @Override
    public String step() {
        return STEP;
    }
}
