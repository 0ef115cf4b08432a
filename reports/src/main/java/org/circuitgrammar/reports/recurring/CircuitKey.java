package org.circuitgrammar.reports.recurring;

import java.util.Comparator;
import java.util.Objects;

/**
 * A feed-forward loop made of three features in their roles (regulator X → intermediate Y → target Z, and X → Z),
 * positions ignored: the identity of a recurring circuit.
 */
public record CircuitKey(FeatureRef regulator, FeatureRef intermediate, FeatureRef target)
        implements Comparable<CircuitKey> {
    private static final Comparator<CircuitKey> ORDER = Comparator.comparing(CircuitKey::regulator)
            .thenComparing(CircuitKey::intermediate).thenComparing(CircuitKey::target);

    public CircuitKey {
        Objects.requireNonNull(regulator);
        Objects.requireNonNull(intermediate);
        Objects.requireNonNull(target);
    }

    /** {@code L3/12 → L7/99 → L20/5}. */
    @Override
    public String toString() {
        return regulator + " → " + intermediate + " → " + target;
    }

    @Override
    public int compareTo(CircuitKey o) {
        return ORDER.compare(this, o);
    }
}
