package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * The rules of a grammar check and their settings: defaults for every motif, then overrides in order (a later
 * override wins), as {@code rules.yml} gives them ({@link RulesFile}). {@code docs/grammar.md} explains each default.
 *
 * @param effectBand the {@link Rule#EFFECT_BAND} settings for every motif
 * @param direction  whether {@link Rule#DIRECTION} runs
 * @param profile    the {@link Rule#PROFILE} settings for every null and family
 * @param overrides  per-motif (or per-profile) changes, in order
 */
public record CheckRules(EffectBand effectBand, boolean direction, ProfileRule profile, List<MotifOverride> overrides) {
    /**
     * Family-wise false-alarm rate of the effect-band rule within a group: the band's width is set (Bonferroni over
     * the group's motifs) so that a group of graphs like the baseline's breaks no band with probability 1 − α.
     */
    public static final double DEFAULT_FAMILY_ALPHA = 0.05;
    /**
     * Absolute slack (log2 units) added on both sides of every band: a floor for bands of zero width (a motif whose
     * effect is the same in every baseline graph). 0.005 is a 0.35 % change of the observed/null ratio; larger values
     * let real changes through (see {@code docs/grammar.md}: at 0.02 the removal of 30 % of the FFL-closing edges no
     * longer broke the FFL's band at n = 60).
     */
    public static final double DEFAULT_ABSOLUTE = 0.005;
    /** Lowest cosine similarity of mean significance profiles that passes. */
    public static final double DEFAULT_MIN_COSINE = 0.9;

    public CheckRules {
        Objects.requireNonNull(effectBand, "effectBand");
        Objects.requireNonNull(profile, "profile");
        overrides = List.copyOf(overrides);
    }

    /** Every rule on with its default settings, no overrides. */
    public static CheckRules defaults() {
        return new CheckRules(new EffectBand(true, DEFAULT_FAMILY_ALPHA, Double.NaN, DEFAULT_ABSOLUTE), true,
                new ProfileRule(true, DEFAULT_MIN_COSINE), List.of());
    }

    /** The effect-band settings of {@code key} after overrides. */
    public EffectBand effectBandFor(MotifKey key) {
        EffectBand out = effectBand;
        for (MotifOverride o : overrides) {
            if (o.selector().matches(key)) {
                out = new EffectBand(o.effectBandEnabled() != null ? o.effectBandEnabled() : out.enabled(),
                        out.familyAlpha(), o.widen() != null ? o.widen() : out.widen(),
                        o.absolute() != null ? o.absolute() : out.absolute());
            }
        }
        return out;
    }

    /** Whether the direction rule runs for {@code key} after overrides. */
    public boolean directionFor(MotifKey key) {
        boolean out = direction;
        for (MotifOverride o : overrides) {
            if (o.selector().matches(key) && o.directionEnabled() != null) {
                out = o.directionEnabled();
            }
        }
        return out;
    }

    /** The profile settings of {@code family} against {@code nul} after overrides. */
    public ProfileRule profileFor(NullKind nul, MotifFamily family) {
        ProfileRule out = profile;
        for (MotifOverride o : overrides) {
            if (o.selector().coversProfile(nul, family)) {
                out = new ProfileRule(o.profileEnabled() != null ? o.profileEnabled() : out.enabled(),
                        o.minCosine() != null ? o.minCosine() : out.minCosine());
            }
        }
        return out;
    }

    /**
     * The effect-band rule: the checked group's median effect size m of a motif passes iff
     * {@code |m − median| ≤ w·√(d² + k²) + absolute}, where
     * {@code d} is the larger distance from the baseline median to an end of its bootstrap interval (the
     * baseline's own uncertainty) and {@code k} the larger such distance of the bootstrap interval of the median of k
     * graphs drawn from the baseline's graphs, k being the checked group's graph count (the checked median's sampling
     * spread). Both intervals are 95 %; w scales them to the family-wise rate. The band is symmetric and neither
     * half-width is below the normal-theory one of a median, {@code z(0.975)·√(π/2)·s/√n}: a percentile bootstrap
     * of a median over a few graphs is lumpy, and one side of it can collapse onto a cluster of graphs (measured:
     * with one-sided bootstrap widths, 8 of 12 random half splits of the shared Gemma CLT graphs failed).
     *
     * @param enabled     whether the rule runs
     * @param familyAlpha the family-wise false-alarm rate per group that sets w when {@code widen} is NaN:
     *                    w = z(1 − α / 2R) / z(0.975) for R motifs under the rule in the group
     * @param widen       an explicit w (NaN = from {@code familyAlpha})
     * @param absolute    slack in log2 units added to both ends
     */
    public record EffectBand(boolean enabled, double familyAlpha, double widen, double absolute) {
        public EffectBand {
            if (!(familyAlpha > 0 && familyAlpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1): " + familyAlpha);
            }
            if (!Double.isNaN(widen) && !(widen >= 0 && Double.isFinite(widen))) {
                throw new IllegalArgumentException("widen must be finite and >= 0: " + widen);
            }
            if (!(absolute >= 0 && Double.isFinite(absolute))) {
                throw new IllegalArgumentException("absolute tolerance must be finite and >= 0: " + absolute);
            }
        }
    }

    /**
     * The profile rule.
     *
     * @param minCosine the lowest cosine similarity that passes, in [−1, 1], unless chance alone goes lower for a
     *                  group of the checked size (see {@link GrammarCheck})
     */
    public record ProfileRule(boolean enabled, double minCosine) {
        public ProfileRule {
            if (!(minCosine >= -1 && minCosine <= 1)) {
                throw new IllegalArgumentException("min cosine must be in [-1, 1]: " + minCosine);
            }
        }
    }

    /**
     * One override; a null field leaves the setting as it was.
     *
     * @param selector which motifs (and, with label *, which profiles) it applies to
     */
    public record MotifOverride(MotifSelector selector, Boolean effectBandEnabled, Double widen, Double absolute,
                           Boolean directionEnabled, Boolean profileEnabled, Double minCosine) {
        public MotifOverride {
            Objects.requireNonNull(selector, "selector");
        }
    }
}
