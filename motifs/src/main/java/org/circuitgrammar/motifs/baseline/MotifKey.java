package org.circuitgrammar.motifs.baseline;

import java.util.Objects;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * One tested motif statistic: a class of a family against a null, written {@code null/family/label} (e.g.
 * {@code lpc/signed/C1}) in tables, reports and {@code rules.yml}.
 */
public record MotifKey(NullKind nullModel, MotifFamily family, String label) {
    public MotifKey {
        Objects.requireNonNull(nullModel, "nullModel");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return nullModel.cliName() + "/" + family.id() + "/" + label;
    }
}
