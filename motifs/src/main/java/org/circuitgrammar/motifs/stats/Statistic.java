package org.circuitgrammar.motifs.stats;

import java.util.Objects;

/**
 * A statistic that is either a finite number or undefined with a reason, never a sentinel number: a Z-score of a
 * zero-spread ensemble, a significance-profile entry of an all-zero profile, a p-value of an empty ensemble.
 */
public sealed interface Statistic permits Statistic.Defined, Statistic.Undefined {

    /** A finite value. */
    record Defined(double value) implements Statistic {
        public Defined {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a defined statistic is finite: " + value);
            }
        }
    }

    /** No value; {@code reason} says why in one sentence fit for a report. */
    record Undefined(String reason) implements Statistic {
        public Undefined {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("an undefined statistic needs a reason");
            }
        }
    }

    static Statistic of(double value) {
        return new Defined(value);
    }

    static Statistic undefined(String reason) {
        return new Undefined(reason);
    }

    default boolean isDefined() {
        return this instanceof Defined;
    }

    /** The value; throws {@link IllegalStateException} with the reason when undefined. */
    default double value() {
        if (this instanceof Defined d) {
            return d.value();
        }
        throw new IllegalStateException("undefined: " + ((Undefined) this).reason());
    }
}
