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
 *   <li>{@link Rule#DIRECTION}: for a motif whose baseline interval excludes zero, the checked median must not lie
 *       strictly on the other side, provided groups of that many baseline graphs land there in at most α/R of
 *       bootstrap draws (R motifs with a direction, α the family rate of the effect band); with fewer graphs a
 *       sign change is not evidence and the rule holds.</li>
 *   <li>{@link Rule#PROFILE}: per null and family whose baseline profile has at least two classes, the cosine
 *       similarity of the mean profiles over their common classes is at least min(min-cosine, the α/P quantile of
 *       the cosine that k of the baseline's own graphs reach by chance, {@link #chanceCosine}) for k checked graphs
 *       and P profiles under the rule, α the family rate of the effect band. A small checked group's mean profile
 *       strays further by chance; a large one's is held to min-cosine. A one-class profile is ±1, its sign is the
 *       direction rule's business.</li>
 * </ul>
 *
 * <p>Deterministic: one {@link SplittableRandom} from the baseline's seed, split once per baseline group in the
 * baseline's order and, inside, twice per motif and once per profile in their order, whichever groups are checked. Cost
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
            int directionRules = (int) reference.motifs().stream()
                    .filter(m -> m.direction() != Direction.NONE && rules.directionFor(m.motif())).count();
            double directionTail = rules.effectBand().familyAlpha() / Math.max(1, directionRules);
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
                        direction.add(direction(m, measured, directionTail, settings.absolute(), spec.resamples(),
                                directionRng));
                    }
                }
            }
            outcomes.add(new RuleOutcome(Rule.EFFECT_BAND, bandRules > 0, band));
            outcomes.add(new RuleOutcome(Rule.DIRECTION, directionOn, direction));
            outcomes.add(profiles(reference, effects, rules, dups.kept().size(), spec.resamples(), groupRng));
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
            return new Finding(subject, m.median(), m.low(), m.high(), Double.NaN, Double.NaN, Double.NaN, false,
                    "not measured: no checked graph has an independent row with an effect size for it");
        }
        double w = Double.isNaN(settings.widen()) ? widenFor(settings.familyAlpha(), bandRules) : settings.widen();
        double[] spread = MedianBootstrap.interval(m.effectArray(), measured.effects().size(), resamples, rng);
        // a percentile bootstrap of a median over a few graphs is lumpy: one side can collapse onto a cluster of
        // graphs while the other half of a random split lands beyond it. So both sides take the wider half-width,
        // and neither is narrower than the normal-theory 95 % half-width of a median (1.2533·s/√k)
        double[] effects = m.effectArray();
        int k = measured.effects().size();
        double own = Math.max(Math.max(m.median() - m.low(), m.high() - m.median()),
                medianHalfWidth(effects, effects.length));
        double spreadOfK = Math.max(Math.max(Math.max(0, m.median() - spread[0]), Math.max(0, spread[1] - m.median())),
                medianHalfWidth(effects, k));
        double halfWidth = w * Math.hypot(own, spreadOfK) + settings.absolute();
        double allowedLow = m.median() - halfWidth;
        double allowedHigh = m.median() + halfWidth;
        double median = MedianBootstrap.median(measured.array());
        boolean passed = median >= allowedLow && median <= allowedHigh;
        String note = passed ? "inside" : String.format(java.util.Locale.ROOT,
                "median effect %.4f is %s the allowed band [%.4f, %.4f] (baseline %.4f [%.4f, %.4f], %d graphs)",
                median, median < allowedLow ? "below" : "above", allowedLow, allowedHigh, m.median(), m.low(),
                m.high(), measured.effects().size());
        return new Finding(subject, m.median(), m.low(), m.high(), median, allowedLow, allowedHigh, passed, note);
    }

    /**
     * The normal-theory 95 % half-width of the median of {@code k} graphs like {@code effects}:
     * {@code z(0.975) · √(π/2) · s / √k} with s their sample standard deviation (0 for fewer than two graphs).
     */
    static double medianHalfWidth(double[] effects, int k) {
        if (effects.length < 2 || k < 1) {
            return 0;
        }
        double mean = java.util.Arrays.stream(effects).average().orElse(0);
        double squares = 0;
        for (double e : effects) {
            squares += (e - mean) * (e - mean);
        }
        double sd = Math.sqrt(squares / (effects.length - 1));
        return Z_975 * Math.sqrt(Math.PI / 2) * sd / Math.sqrt(k);
    }

    /**
     * The direction rule for one motif: the checked median lies on the other side of zero by more than the band's
     * absolute slack, and groups of k graphs drawn from the baseline's graphs land there (or on zero) in at most
     * {@code tail} of draws — otherwise k graphs are too few for a sign change to mean anything, and the rule holds.
     */
    private static Finding direction(MotifBaseline m, GroupEffects.Measured measured, double tail, double slack,
                                     int resamples, SplittableRandom rng) {
        double median = MedianBootstrap.median(measured.array());
        double opposite = oppositeShare(m, measured.effects().size(), resamples, rng);
        boolean testable = opposite <= tail;
        // a median within the band's slack of zero has not taken the other sign: it has lost its direction, which
        // the effect band judges
        boolean flipped = testable && (m.direction() == Direction.ENRICHED ? median < -slack : median > slack);
        String note;
        if (flipped) {
            note = String.format(java.util.Locale.ROOT, "%s in the baseline (median %.4f [%.4f, %.4f]), median %.4f "
                    + "now; %d baseline-like graphs land on that side in %.2f %% of draws", name(m.direction()),
                    m.median(), m.low(), m.high(), median, measured.effects().size(), 100 * opposite);
        } else if (!testable) {
            note = String.format(java.util.Locale.ROOT, "not testable with %d graph(s): baseline-like groups of that "
                    + "size land on the other side in %.1f %% of draws", measured.effects().size(), 100 * opposite);
        } else {
            note = "still " + name(m.direction());
        }
        return new Finding(m.motif().toString(), m.median(), m.low(), m.high(), median, Double.NaN, Double.NaN,
                !flipped, note);
    }

    /** The share of medians of {@code k} graphs drawn from the baseline that are not on the established side. */
    private static double oppositeShare(MotifBaseline m, int k, int resamples, SplittableRandom rng) {
        double[] values = m.effectArray();
        double[] sample = new double[k];
        int opposite = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < k; i++) {
                sample[i] = values[rng.nextInt(values.length)];
            }
            double median = MedianBootstrap.median(sample);
            if (m.direction() == Direction.ENRICHED ? median <= 0 : median >= 0) {
                opposite++;
            }
        }
        return (double) opposite / resamples;
    }

    private static String name(Direction d) {
        return d.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static RuleOutcome profiles(GroupBaseline reference, GroupEffects effects, CheckRules rules, int checked,
                                        int resamples, SplittableRandom groupRng) {
        List<Finding> findings = new ArrayList<>();
        List<ProfileBaseline> now = effects.profiles();
        long tested = reference.profiles().stream().filter(p -> p.labels().size() >= 2
                && rules.profileFor(p.nullModel(), p.family()).enabled()).count();
        double tail = rules.effectBand().familyAlpha() / Math.max(1, tested);
        for (ProfileBaseline base : reference.profiles()) {
            SplittableRandom rng = groupRng.split();
            CheckRules.ProfileRule rule = rules.profileFor(base.nullModel(), base.family());
            if (!rule.enabled() || base.labels().size() < 2) {
                continue;
            }
            ProfileBaseline checkedProfile = now.stream()
                    .filter(p -> p.nullModel() == base.nullModel() && p.family() == base.family())
                    .findFirst().orElse(null);
            double cosine = checkedProfile == null ? Double.NaN : cosine(base, checkedProfile);
            double chance = chanceCosine(base, checked, resamples, tail, rng);
            double threshold = Double.isNaN(chance) ? rule.minCosine() : Math.min(rule.minCosine(), chance);
            boolean passed = cosine >= threshold;
            String note = Double.isNaN(cosine) ? "not measured: fewer than two classes in common, or a zero profile"
                    : passed ? "similar" : String.format(java.util.Locale.ROOT,
                    "cosine similarity %.4f of the mean profiles is below %.4f", cosine, threshold);
            findings.add(new Finding(base.name(), 1.0, Double.NaN, Double.NaN, cosine, threshold, 1.0, passed, note));
        }
        return new RuleOutcome(Rule.PROFILE, tested > 0, findings);
    }

    /**
     * How low the cosine of the mean profile of k new graphs like the baseline's with the baseline's mean falls by
     * chance: the {@code tail} quantile, over {@code resamples} splits of the baseline's graphs, of the cosine between
     * the mean profile of k' graphs drawn without replacement and the mean profile of the others, with
     * k' = min(k, ⌊g/2⌋) for g baseline graphs. Comparing with the graphs left out keeps the estimate out of sample
     * (a graph is always closer to a mean it is part of); capping k' keeps a reference to compare with, at the price
     * of a lower (more lenient) quantile when k &gt; g/2. NaN with fewer than two graphs or no defined cosine.
     * {@code O(resamples · g · classes)}.
     */
    static double chanceCosine(ProfileBaseline base, int k, int resamples, double tail, SplittableRandom rng) {
        int graphs = base.perGraph().size();
        int drawn = Math.min(k, graphs / 2);
        if (drawn < 1) {
            return Double.NaN;
        }
        int[] order = new int[graphs];
        double[] cosines = new double[resamples];
        int defined = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < graphs; i++) {
                order[i] = i;
            }
            for (int i = 0; i < drawn; i++) {
                int j = i + rng.nextInt(graphs - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double cos = cosine(meanProfile(base, order, 0, drawn), meanProfile(base, order, drawn, graphs));
            if (!Double.isNaN(cos)) {
                cosines[defined++] = cos;
            }
        }
        if (defined == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(cosines, 0, defined);
        return cosines[(int) Math.floor(tail * (defined - 1))];
    }

    /** The mean profile of the graphs {@code order[from..to)}, NaN for a class none of them has. */
    private static List<Double> meanProfile(ProfileBaseline base, int[] order, int from, int to) {
        int classes = base.labels().size();
        List<Double> mean = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                double x = base.perGraph().get(order[i]).get(c);
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
            mean.add(n == 0 ? Double.NaN : sum / n);
        }
        return mean;
    }

    /** Cosine similarity over the classes both profiles have; NaN with fewer than two, or a zero vector. */
    static double cosine(ProfileBaseline a, ProfileBaseline b) {
        return cosine(a.mean(), a.labels().stream().map(b::entry).toList());
    }

    /** Cosine similarity of two aligned vectors over the positions where both are defined (not NaN). */
    private static double cosine(List<Double> x, List<Double> y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        int common = 0;
        for (int i = 0; i < x.size(); i++) {
            double a = x.get(i);
            double b = y.get(i);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            dot += a * b;
            nx += a * a;
            ny += b * b;
            common++;
        }
        if (common < 2 || nx == 0 || ny == 0) {
            return Double.NaN;
        }
        return dot / Math.sqrt(nx * ny);
    }
}
