package org.circuitgrammar.motifs.ensemble;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The counts of one null ensemble for one graph.
 *
 * @param spec           what was run
 * @param families       one entry per counted family, in the order the counters were given
 * @param acceptanceRate accepted / attempted swap trials over all chains, burn-in included; NaN for the direct
 *                       samplers er and lp-er, which make no swaps
 * @param diagnostics    mixing evidence
 */
public record EnsembleResult(EnsembleSpec spec, List<FamilyCounts> families, double acceptanceRate,
                             MixingDiagnostics diagnostics) {
    public EnsembleResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(diagnostics, "diagnostics");
        families = List.copyOf(families);
    }

    /** The counts of the family named {@code family}, if it was counted. */
    public Optional<FamilyCounts> family(String family) {
        return families.stream().filter(f -> f.family().equals(family)).findFirst();
    }
}
