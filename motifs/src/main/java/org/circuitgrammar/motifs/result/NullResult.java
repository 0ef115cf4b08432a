package org.circuitgrammar.motifs.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circuitgrammar.motifs.ensemble.MixingDiagnostics;
import org.circuitgrammar.motifs.nulls.NullKind;

/**
 * One null model's ensemble for one graph and the statistics of every counted family against it.
 *
 * @param nullModel       the null
 * @param view            the analysed view it ran on
 * @param samples         samples drawn (0 when the graph is too small for the null, see {@code notRunReason})
 * @param sweepsPerSample sweeps between samples of a chain
 * @param acceptanceRate  accepted / attempted swaps (NaN for direct samplers and when not run)
 * @param diagnostics     mixing evidence, or null when not run
 * @param notRunReason    why no sample was drawn, or null
 * @param pValues         how the p-values are to be read
 * @param families        per family, in the order of the spec
 */
public record NullResult(NullKind nullModel, String view, int samples, double sweepsPerSample, double acceptanceRate,
                         MixingDiagnostics diagnostics, String notRunReason, PValueKind pValues,
                         List<FamilyRows> families) {
    public NullResult {
        Objects.requireNonNull(nullModel, "nullModel");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(pValues, "pValues");
        families = List.copyOf(families);
    }

    /** The rows of {@code family}, if counted on this null's view. */
    public Optional<FamilyRows> family(MotifFamily family) {
        return families.stream().filter(f -> f.family() == family).findFirst();
    }

    /** The row {@code label} of {@code family}, if present. */
    public Optional<MotifRow> row(MotifFamily family, String label) {
        return family(family).flatMap(f -> f.row(label));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NullResult r && nullModel == r.nullModel && view.equals(r.view) && samples == r.samples
                && Double.compare(sweepsPerSample, r.sweepsPerSample) == 0
                && Double.compare(acceptanceRate, r.acceptanceRate) == 0
                && Objects.equals(diagnostics, r.diagnostics) && Objects.equals(notRunReason, r.notRunReason)
                && pValues == r.pValues && families.equals(r.families);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nullModel, view, samples, families);
    }

    /**
     * The rows of one family against this null.
     *
     * @param spNote which rows the significance profile covers, in words
     */
    public record FamilyRows(MotifFamily family, String spNote, List<MotifRow> rows) {
        public FamilyRows {
            Objects.requireNonNull(family, "family");
            rows = List.copyOf(rows);
        }

        /** The row {@code label}, if present. */
        public Optional<MotifRow> row(String label) {
            return rows.stream().filter(r -> r.label().equals(label)).findFirst();
        }
    }
}
