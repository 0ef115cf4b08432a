package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.NearDuplicates;

/**
 * Compares census results with a {@link GrammarBaseline} under {@link CheckRules}: the work of
 * {@code cgram grammar check}. The checked results are grouped and near-duplicates merged exactly as the baseline
 * did; every group must have a baseline group.
 *
 * <p>Rules (each explained with its default in {@code docs/grammar.md}):
 * <ul>
 *   <li>{@link Rule#EFFECT_BAND}: see {@link CheckRules.EffectBand}. A baseline motif that no checked graph measures
 *       (no independent row with a defined effect size) fails.</li>
 *   <li>{@link Rule#DIRECTION}: for a motif whose baseline interval excludes zero, the checked group's own bootstrap
 *       interval of its median must not exclude zero on the other side.</li>
 *   <li>{@link Rule#PROFILE}: per null and family whose baseline profile has at least two classes, the cosine
 *       similarity of the mean profiles over their common classes is at least the threshold (a one-class profile is
 *       ±1, its sign is the direction rule's business).</li>
 * </ul>
 *
 * <p>Deterministic: one {@link SplittableRandom} from the baseline's seed, split once per baseline group in the
 * baseline's order and, inside, twice per motif in its order, whichever groups are checked. Cost
 * {@code O(motifs · resamples · g log g)}.
 */
public final class GrammarCheck {
    /** The standard normal; inverse CDF only, so no random generator. */
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z_975 = NORMAL.inverseCumulativeProbability(0.975);

    private GrammarCheck() {
    }

    /**
     * Checks {@code results} against {@code baseline}. The caller has checked that their census settings match the
     * baseline's (or allowed them not to).
     *
     * @throws IllegalArgumentException when a checked group has no baseline, or there are no results
     */
    public static CheckReport check(GrammarBaseline baseline, List<CensusResult> results, CheckRules rules) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to check: no census results");
        }
        BaselineSpec spec = baseline.spec();
        Map<String, List<CensusResult>> groups = GraphGroups.of(results, spec.groupBy());
        for (Map.Entry<String, List<CensusResult>> g : groups.entrySet()) {
            if (baseline.group(g.getKey()).isEmpty()) {
                throw new IllegalArgumentException("group '" + g.getKey() + "' (e.g. "
                        + g.getValue().get(0).graph().path() + ") has no baseline; the baseline has "
                        + baseline.groups().stream().map(GroupBaseline::group).toList() + " by "
                        + (spec.groupBy().isEmpty() ? "no key" : String.join(",", spec.groupBy())));
            }
        }
        SplittableRandom root = new SplittableRandom(spec.seed());
        List<CheckReport.GroupCheck> checked = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        for (GroupBaseline reference : baseline.groups()) {
            SplittableRandom groupRng = root.split();
            List<CensusResult> members = groups.get(reference.group());
            if (members == null) {
                unreached.add(reference.group());
                continue;
            }
            NearDuplicates dups = NearDuplicates.of(members, spec.nearDuplicateJaccard());
            GroupEffects effects = GroupEffects.of(dups.kept());
            List<RuleOutcome> outcomes = new ArrayList<>();
            List<Finding> band = new ArrayList<>();
            List<Finding> direction = new ArrayList<>();
            int bandRules = (int) reference.motifs().stream()
                    .filter(m -> rules.effectBandFor(m.motif()).enabled()).count();
            boolean directionOn = false;
            for (MotifBaseline m : reference.motifs()) {
                SplittableRandom bandRng = groupRng.split();
                SplittableRandom directionRng = groupRng.split();
                GroupEffects.Measured measured = effects.motifs().get(m.motif());
                CheckRules.EffectBand settings = rules.effectBandFor(m.motif());
                if (settings.enabled()) {
                    band.add(effectBand(m, measured, settings, bandRules, spec.resamples(), bandRng));
                }
                if (rules.directionFor(m.motif())) {
                    directionOn = true;
                    if (m.direction() != Direction.NONE && measured != null) {
                        direction.add(direction(m, measured, spec.resamples(), directionRng));
                    }
                }
            }
            outcomes.add(new RuleOutcome(Rule.EFFECT_BAND, bandRules > 0, band));
            outcomes.add(new RuleOutcome(Rule.DIRECTION, directionOn, direction));
            outcomes.add(profiles(reference, effects, rules));
            checked.add(new CheckReport.GroupCheck(reference.group(), dups.kept().size(),
                    members.size() - dups.kept().size(), reference.graphs().size(), outcomes));
        }
        return new CheckReport(unreached, checked);
    }

    /** The multiplier of the 95 % half-widths that gives a family-wise rate {@code alpha} over {@code rules}. */
    static double widenFor(double alpha, int rules) {
        double z = NORMAL.inverseCumulativeProbability(1 - alpha / (2.0 * Math.max(1, rules)));
        return z / Z_975;
    }

    private static Finding effectBand(MotifBaseline m, GroupEffects.Measured measured, CheckRules.EffectBand settings,
                                      int bandRules, int resamples, SplittableRandom rng) {
        String subject = m.motif().toString();
        if (measured == null) {
            return new Finding(subject, m.median(), m.low(), m.high(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, false, "not measured: no checked graph has an independent row with an "
                    + "effect size for it");
        }
        double w = Double.isNaN(settings.widen()) ? widenFor(settings.familyAlpha(), bandRules) : settings.widen();
        double[] spread = MedianBootstrap.interval(m.effectArray(), measured.effects().size(), resamples, rng);
        double spreadLow = Math.max(0, m.median() - spread[0]);
        double spreadHigh = Math.max(0, spread[1] - m.median());
        double allowedLow = m.median() - w * Math.hypot(m.median() - m.low(), spreadLow) - settings.absolute();
        double allowedHigh = m.median() + w * Math.hypot(m.high() - m.median(), spreadHigh) + settings.absolute();
        double median = MedianBootstrap.median(measured.array());
        boolean passed = median >= allowedLow && median <= allowedHigh;
        String note = passed ? "inside" : String.format(java.util.Locale.ROOT,
                "median effect %.4f is %s the allowed band [%.4f, %.4f] (baseline %.4f [%.4f, %.4f], %d graphs)",
                median, median < allowedLow ? "below" : "above", allowedLow, allowedHigh, m.median(), m.low(),
                m.high(), measured.effects().size());
        return new Finding(subject, m.median(), m.low(), m.high(), median, Double.NaN, Double.NaN, allowedLow,
                allowedHigh, passed, note);
    }

    private static Finding direction(MotifBaseline m, GroupEffects.Measured measured, int resamples,
                                     SplittableRandom rng) {
        double[] values = measured.array();
        double median = MedianBootstrap.median(values);
        double[] own = MedianBootstrap.interval(values, values.length, resamples, rng);
        double low = Math.min(own[0], median);
        double high = Math.max(own[1], median);
        Direction now = Direction.of(low, high);
        boolean flipped = now != Direction.NONE && now != m.direction();
        String note = flipped ? String.format(java.util.Locale.ROOT,
                "%s in the baseline (median %.4f [%.4f, %.4f]), %s now (median %.4f [%.4f, %.4f])",
                name(m.direction()), m.median(), m.low(), m.high(), name(now), median, low, high)
                : "still " + name(m.direction()) + (now == Direction.NONE ? " or undecided" : "");
        return new Finding(m.motif().toString(), m.median(), m.low(), m.high(), median, low, high, Double.NaN,
                Double.NaN, !flipped, note);
    }

    private static String name(Direction d) {
        return d.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static RuleOutcome profiles(GroupBaseline reference, GroupEffects effects, CheckRules rules) {
        List<Finding> findings = new ArrayList<>();
        boolean on = false;
        List<ProfileBaseline> now = effects.profiles();
        for (ProfileBaseline base : reference.profiles()) {
            CheckRules.ProfileRule rule = rules.profileFor(base.nullModel(), base.family());
            if (!rule.enabled() || base.labels().size() < 2) {
                continue;
            }
            on = true;
            ProfileBaseline checked = now.stream()
                    .filter(p -> p.nullModel() == base.nullModel() && p.family() == base.family())
                    .findFirst().orElse(null);
            double cosine = checked == null ? Double.NaN : cosine(base, checked);
            boolean passed = cosine >= rule.minCosine();
            String note = Double.isNaN(cosine) ? "not measured: fewer than two classes in common, or a zero profile"
                    : passed ? "similar" : String.format(java.util.Locale.ROOT,
                    "cosine similarity %.4f of the mean profiles is below %.4f", cosine, rule.minCosine());
            findings.add(new Finding(base.name(), 1.0, Double.NaN, Double.NaN, cosine, Double.NaN, Double.NaN,
                    rule.minCosine(), 1.0, passed, note));
        }
        return new RuleOutcome(Rule.PROFILE, on, findings);
    }

    /** Cosine similarity over the classes both profiles have; NaN with fewer than two, or a zero vector. */
    static double cosine(ProfileBaseline a, ProfileBaseline b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        int common = 0;
        for (int i = 0; i < a.labels().size(); i++) {
            double y = b.entry(a.labels().get(i));
            if (Double.isNaN(y)) {
                continue;
            }
            double x = a.mean().get(i);
            dot += x * y;
            na += x * x;
            nb += y * y;
            common++;
        }
        if (common < 2 || na == 0 || nb == 0) {
            return Double.NaN;
        }
        return dot / Math.sqrt(na * nb);
    }
}
