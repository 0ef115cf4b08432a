package org.circuitgrammar.reports.compare;

import java.util.Comparator;
import java.util.Objects;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * One motif class of one family, e.g. {@code signed/I1}: the unit a comparison tests.
 *
 * @param family the family
 * @param label  the class label within it
 */
public record MotifKey(MotifFamily family, String label) implements Comparable<MotifKey> {
    private static final Comparator<MotifKey> ORDER = Comparator.comparing(MotifKey::family)
            .thenComparing(MotifKey::label);

    public MotifKey {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(label, "label");
    }

    /** {@code family/label}, as the row names of every output. */
    @Override
    public String toString() {
        return family.id() + "/" + label;
    }

    /** A phrase for sentences: "incoherent FFLs (I1)", "FFLs (030T)", or the key itself. */
    public String phrase() {
        if (family == MotifFamily.SIGNED && label.matches("[CI][1-4]")) {
            return (label.startsWith("C") ? "coherent" : "incoherent") + " FFLs (" + label + ")";
        }
        if (family == MotifFamily.TRIAD && label.equals("030T")) {
            return "FFLs (030T)";
        }
        return toString();
    }

    /** Family registry order, then label. */
    @Override
    public int compareTo(MotifKey o) {
        return ORDER.compare(this, o);
    }
}
