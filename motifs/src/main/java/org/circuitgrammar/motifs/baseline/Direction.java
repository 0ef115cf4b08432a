package org.circuitgrammar.motifs.baseline;

/** The direction of a motif's effect size across a group's graphs, where a bootstrap interval establishes one. */
public enum Direction {
    /** The interval of the median log2(observed / null mean) lies above zero: more than the null makes. */
    ENRICHED,
    /** The interval lies below zero: fewer than the null makes. */
    DEPLETED,
    /** The interval contains zero: no direction established. */
    NONE;

    /** The direction a {@code [low, high]} interval establishes. */
    public static Direction of(double low, double high) {
        if (low > 0) {
            return ENRICHED;
        }
        if (high < 0) {
            return DEPLETED;
        }
        return NONE;
    }
}
