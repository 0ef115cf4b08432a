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

    /**
     * A phrase for sentences: "incoherent FFLs (I1)", "coherent FFLs (all types)", "chains with signs + −",
     * "fan-ins with signs + +", "FFLs (030T)", "triads 021D", or the key itself.
     */
    public String phrase() {
        if (family == MotifFamily.SIGNED) {
            if (label.matches("[CI][1-4]")) {
                return (label.startsWith("C") ? "coherent" : "incoherent") + " FFLs (" + label + ")";
            }
            if (label.equals("coherent") || label.equals("incoherent")) {
                return label + " FFLs (all types)";
            }
            for (String[] shape : new String[][] {{"chain", "chains"}, {"fanin", "fan-ins"}, {"fanout", "fan-outs"}}) {
                if (label.startsWith(shape[0]) && label.length() == shape[0].length() + 2) {
                    String signs = label.substring(shape[0].length()).replace("-", "−");
                    return shape[1] + " with signs " + signs.charAt(0) + " " + signs.charAt(1);
                }
            }
        }
        if (family == MotifFamily.TRIAD) {
            return label.equals("030T") ? "FFLs (030T)" : "triads " + label;
        }
        return toString();
    }

    /** Family registry order, then label. */
    @Override
    public int compareTo(MotifKey o) {
        return ORDER.compare(this, o);
    }
}
