package org.circuitgrammar.motifs.baseline;

import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * Which motifs a rule override applies to: {@code null/family/label}, each part a name or {@code *}; missing trailing
 * parts mean {@code *} ({@code lpc/signed} = every signed class under lpc, and the lpc/signed profile).
 *
 * @param nullModel the null, or null for any
 * @param family    the family, or null for any
 * @param label     the class, or null for any
 */
public record MotifSelector(NullKind nullModel, MotifFamily family, String label) {
    private static final String ANY = "*";

    /** Parses {@code lpc/signed/C1}, {@code * /triad/030T}, {@code lpc}; throws with the reason. */
    public static MotifSelector parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 3 || text.isBlank()) {
            throw new IllegalArgumentException("a motif selector is null/family/label (each may be *): '" + text
                    + "'");
        }
        NullKind n = part(parts, 0) == null ? null : NullKind.parse(part(parts, 0));
        MotifFamily f = part(parts, 1) == null ? null : MotifFamily.parse(part(parts, 1));
        return new MotifSelector(n, f, part(parts, 2));
    }

    private static String part(String[] parts, int i) {
        if (i >= parts.length || parts[i].isBlank() || parts[i].trim().equals(ANY)) {
            return null;
        }
        return parts[i].trim();
    }

    /** True iff the selector covers {@code key}. */
    public boolean matches(MotifKey key) {
        return matchesProfile(key.nullModel(), key.family()) && (label == null || label.equals(key.label()));
    }

    /** True iff the selector covers the whole profile of {@code family} against {@code nul} (its label is *). */
    public boolean coversProfile(NullKind nul, MotifFamily fam) {
        return label == null && matchesProfile(nul, fam);
    }

    private boolean matchesProfile(NullKind nul, MotifFamily fam) {
        return (nullModel == null || nullModel == nul) && (family == null || family == fam);
    }

    @Override
    public String toString() {
        return (nullModel == null ? ANY : nullModel.cliName()) + "/" + (family == null ? ANY : family.id()) + "/"
                + (label == null ? ANY : label);
    }
}
