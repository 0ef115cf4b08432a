package org.circuitgrammar.motifs.baseline;

/** The rules of a grammar check; each is one test case per group in the JUnit report. */
public enum Rule {
    /**
     * The group's median effect size of each motif stays inside the baseline's interval widened by a tolerance
     * ({@link CheckRules.EffectBand}).
     */
    EFFECT_BAND("effect-band"),
    /** No motif whose direction the baseline establishes is established in the opposite direction. */
    DIRECTION("direction"),
    /** The cosine similarity of the mean significance profiles stays above a threshold, per null and family. */
    PROFILE("profile");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    /** The name in reports and {@code rules.yml}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
