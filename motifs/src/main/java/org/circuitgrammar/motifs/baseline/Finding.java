package org.circuitgrammar.motifs.baseline;

import java.util.Objects;

/**
 * One thing a rule compared: a motif (effect band, direction) or a profile. Numbers that do not apply are NaN.
 *
 * @param subject       {@code null/family/label} or {@code null/family}
 * @param baseline      the baseline's median effect (profile: 1, the cosine of the baseline with itself)
 * @param baselineLow   the baseline's interval
 * @param baselineHigh  the baseline's interval
 * @param checked       the checked group's median effect (profile: the cosine similarity)
 * @param allowedLow    the lowest passing value of {@code checked}
 * @param allowedHigh   the highest passing value of {@code checked}
 * @param passed        whether the rule holds for the subject
 * @param note          what happened, in words (why it failed, or why it was not applicable)
 */
public record Finding(String subject, double baseline, double baselineLow, double baselineHigh, double checked,
                      double allowedLow, double allowedHigh, boolean passed,
                      String note) {
    public Finding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(note, "note");
    }

    /** How far the checked value moved from the baseline (NaN when either is missing). */
    public double moved() {
        return checked - baseline;
    }
}
