package org.circuitgrammar.motifs.baseline;

import static org.circuitgrammar.motifs.baseline.ResultFixtures.Row.independent;
import static org.circuitgrammar.motifs.baseline.ResultFixtures.nodes;
import static org.circuitgrammar.motifs.baseline.ResultFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.junit.jupiter.api.Test;

class GrammarCheckTest {
    private static final int MOTIFS = 10;
    private static final double SD = 0.1;
    /** Per-motif true effect: M0 and M1 enriched, M2 depleted, the rest near zero. */
    private static final double[] MEAN = {0.5, 0.3, -0.4, 0, 0, 0.02, -0.01, 0, 0.05, 0};
    /** A fixed profile shape over the ten classes. */
    private static final double[] SHAPE = {0.5, 0.4, -0.5, 0.1, -0.1, 0.2, -0.2, 0.3, 0.2, -0.3};

    /** {@code n} graphs with effects N(MEAN + shift, SD) and SP entries SHAPE (times {@code spSign}). */
    private static List<CensusResult> group(String prefix, int n, SplittableRandom rng, double[] shift,
                                            double spSign) {
        List<CensusResult> out = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            List<ResultFixtures.Row> rows = new ArrayList<>();
            for (int j = 0; j < MOTIFS; j++) {
                double e = MEAN[j] + shift[j] + SD * MedianBootstrapTest.gaussian(rng);
                rows.add(independent("M" + j, e, spSign * SHAPE[j]));
            }
            out.add(result(prefix + g + ".json", "m", nodes(prefix + g + "_", 30), ResultFixtures.SPEC, rows));
        }
        return out;
    }

    private static GrammarBaseline baseline(List<CensusResult> results) {
        return BaselineBuilder.build(results, ResultFixtures.baselineSpec(List.of("model")), ResultFixtures.RUN);
    }

    /** A baseline with fewer bootstrap resamples, for the repeated test. */
    private static GrammarBaseline quickBaseline(List<CensusResult> results) {
        BaselineSpec spec = new BaselineSpec(List.of("model"), 500, 7, 0.9, ResultFixtures.SPEC, false);
        return BaselineBuilder.build(results, spec, ResultFixtures.RUN);
    }

    private static RuleOutcome rule(CheckReport report, Rule rule) {
        return report.groups().get(0).rules().stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void check_theBaselineGraphsThemselves_pass() {
        List<CensusResult> graphs = group("b", 20, new SplittableRandom(1), new double[MOTIFS], 1);
        CheckReport report = GrammarCheck.check(baseline(graphs), graphs, CheckRules.defaults());
        assertTrue(report.passed(), report.toString());
        assertEquals(3, report.groups().get(0).rules().size());
        assertEquals(MOTIFS, rule(report, Rule.EFFECT_BAND).findings().size());
        // M0, M1 and M2 are far from zero, so their direction is established (others may be by chance)
        assertTrue(rule(report, Rule.DIRECTION).findings().stream().map(Finding::subject).toList()
                .containsAll(List.of("lpc/signed/M0", "lpc/signed/M1", "lpc/signed/M2")));
        assertEquals(1.0, rule(report, Rule.PROFILE).findings().get(0).checked(), 1e-12);
    }

    @Test
    void check_oneMotifShiftedByFiveSd_failsTheBandNamingThatMotifOnly() {
        GrammarBaseline base = baseline(group("b", 20, new SplittableRandom(2), new double[MOTIFS], 1));
        double[] shift = new double[MOTIFS];
        shift[3] = 5 * SD;
        CheckReport report = GrammarCheck.check(base, group("c", 20, new SplittableRandom(3), shift, 1),
                CheckRules.defaults());
        assertFalse(report.passed());
        List<String> broken = rule(report, Rule.EFFECT_BAND).failures().stream().map(Finding::subject).toList();
        assertEquals(List.of("lpc/signed/M3"), broken);
        assertTrue(rule(report, Rule.DIRECTION).passed());
    }

    @Test
    void check_enrichedMotifTurnedDepleted_failsTheDirectionRule() {
        GrammarBaseline base = baseline(group("b", 20, new SplittableRandom(4), new double[MOTIFS], 1));
        double[] shift = new double[MOTIFS];
        shift[1] = -0.6;   // M1: 0.3 → −0.3
        CheckReport report = GrammarCheck.check(base, group("c", 20, new SplittableRandom(5), shift, 1),
                CheckRules.defaults());
        List<Finding> flipped = rule(report, Rule.DIRECTION).failures();
        assertEquals(List.of("lpc/signed/M1"), flipped.stream().map(Finding::subject).toList());
        assertTrue(flipped.get(0).checked() < 0);
    }

    /**
     * M8 (0.05 ± 0.1 per graph) is established as enriched by 60 baseline graphs, yet about 30 % of single graphs
     * like them are negative: one checked graph at about −0.1 is no evidence of a flip. M1 (0.3 ± 0.1), whose single
     * graphs are negative in about 0.1 % of cases, pulled to about −0.1 in one graph, is.
     */
    @Test
    void check_singleGraphAcrossZero_flipOnlyWhereSingleGraphsRarelyCross() {
        SplittableRandom rng = new SplittableRandom(31);
        GrammarBaseline base = baseline(group("b", 60, rng, new double[MOTIFS], 1));
        MotifKey m8 = new MotifKey(NullKind.LPC, MotifFamily.SIGNED, "M8");
        assertEquals(Direction.ENRICHED, base.groups().get(0).motif(m8).orElseThrow().direction());
        double[] shift = new double[MOTIFS];
        shift[8] = -0.15;
        RuleOutcome wide = rule(GrammarCheck.check(base, group("c", 1, rng, shift, 1), CheckRules.defaults()),
                Rule.DIRECTION);
        assertTrue(wide.passed(), wide.toString());
        double[] strong = new double[MOTIFS];
        strong[1] = -0.4;
        RuleOutcome flipped = rule(GrammarCheck.check(base, group("d", 1, rng, strong, 1), CheckRules.defaults()),
                Rule.DIRECTION);
        assertEquals(List.of("lpc/signed/M1"), flipped.failures().stream().map(Finding::subject).toList());
    }

    @Test
    void check_mirroredProfile_failsTheProfileRuleWithCosineMinusOne() {
        GrammarBaseline base = baseline(group("b", 20, new SplittableRandom(6), new double[MOTIFS], 1));
        CheckReport report = GrammarCheck.check(base, group("c", 20, new SplittableRandom(7), new double[MOTIFS], -1),
                CheckRules.defaults());
        Finding p = rule(report, Rule.PROFILE).findings().get(0);
        assertFalse(p.passed());
        assertEquals(-1.0, p.checked(), 1e-12);
        assertEquals("lpc/signed", p.subject());
    }

    /**
     * Profiles that are the baseline's shape plus noise of sd 0.3 per class. Over 100 repetitions (each a new
     * baseline of 20 such graphs, 500 bootstrap resamples, and one new graph): most single graphs have a cosine with
     * the mean below min-cosine 0.9, but the chance floor for k = 1 is the α = 5 % quantile of what single graphs
     * reach against the others, so about 5 % fail; the test fails if more than 12 of 100 do (binomial(100, 0.05):
     * P(X &gt; 12) ≈ 0.002, α ≈ 0.002) or if fewer than 50 were below 0.9 (the floor would then not be what is
     * tested). A group of 20 such graphs passes; a mirrored graph fails.
     */
    @Test
    void check_noisyProfiles_smallGroupsJudgedByChanceFloor() {
        SplittableRandom rng = new SplittableRandom(21);
        int failed = 0;
        int belowMin = 0;
        GrammarBaseline baseline = null;
        for (int i = 0; i < 100; i++) {
            baseline = quickBaseline(noisyProfiles("b" + i + "_", 20, rng, 1));
            CensusResult one = noisyProfiles("c" + i + "_", 1, rng, 1).get(0);
            Finding f = rule(GrammarCheck.check(baseline, List.of(one), CheckRules.defaults()), Rule.PROFILE)
                    .findings().get(0);
            failed += f.passed() ? 0 : 1;
            belowMin += f.checked() < CheckRules.DEFAULT_MIN_COSINE ? 1 : 0;
        }
        assertTrue(failed <= 12, "failed " + failed + " of 100");
        assertTrue(belowMin >= 50, "below min-cosine " + belowMin + " of 100");
        Finding twenty = rule(GrammarCheck.check(baseline, noisyProfiles("d", 20, rng, 1), CheckRules.defaults()),
                Rule.PROFILE).findings().get(0);
        assertTrue(twenty.passed(), twenty.toString());
        Finding mirrored = rule(GrammarCheck.check(baseline, noisyProfiles("e", 1, rng, -1), CheckRules.defaults()),
                Rule.PROFILE).findings().get(0);
        assertFalse(mirrored.passed(), mirrored.toString());
    }

    /** Graphs with fixed effects and SP entries SHAPE·sign + N(0, 0.3). */
    private static List<CensusResult> noisyProfiles(String prefix, int n, SplittableRandom rng, double sign) {
        List<CensusResult> out = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            List<ResultFixtures.Row> rows = new ArrayList<>();
            for (int j = 0; j < MOTIFS; j++) {
                rows.add(independent("M" + j, MEAN[j], sign * SHAPE[j] + 0.3 * MedianBootstrapTest.gaussian(rng)));
            }
            out.add(result(prefix + g + ".json", "m", nodes(prefix + g + "_", 30), ResultFixtures.SPEC, rows));
        }
        return out;
    }

    @Test
    void cosine_partlyCommonClasses_usesTheCommonOnes() {
        ProfileBaseline a = ProfileBaseline.of(NullKind.LPC, MotifFamily.SIGNED, List.of("A", "B", "C"),
                List.of(List.of(1.0, 0.0, 5.0)));
        ProfileBaseline b = ProfileBaseline.of(NullKind.LPC, MotifFamily.SIGNED, List.of("A", "B"),
                List.of(List.of(1.0, 1.0)));
        // over A, B: (1·1 + 0·1) / (1 · √2)
        assertEquals(1 / Math.sqrt(2), GrammarCheck.cosine(a, b), 1e-12);
    }

    @Test
    void check_overrideSwitchesTheBrokenMotifOff_passes() {
        GrammarBaseline base = baseline(group("b", 20, new SplittableRandom(8), new double[MOTIFS], 1));
        double[] shift = new double[MOTIFS];
        shift[3] = 5 * SD;
        CheckRules d = CheckRules.defaults();
        CheckRules rules = new CheckRules(d.effectBand(), d.direction(), d.profile(), List.of(
                new CheckRules.MotifOverride(MotifSelector.parse("lpc/signed/M3"), false, null, null, null, null,
                        null)));
        CheckReport report = GrammarCheck.check(base, group("c", 20, new SplittableRandom(9), shift, 1), rules);
        assertTrue(report.passed());
        assertEquals(MOTIFS - 1, rule(report, Rule.EFFECT_BAND).findings().size());
    }

    @Test
    void check_groupWithoutBaseline_isRefused() {
        GrammarBaseline base = baseline(group("b", 5, new SplittableRandom(10), new double[MOTIFS], 1));
        CensusResult other = result("z.json", "other-model", nodes("z", 5), ResultFixtures.SPEC,
                List.of(independent("M0", 0.1, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrammarCheck.check(base, List.of(other), CheckRules.defaults()));
        assertTrue(e.getMessage().contains("other-model") && e.getMessage().contains("z.json"), e.getMessage());
    }

    @Test
    void widenFor_oneRuleAtFivePercent_isOne() {
        assertEquals(1.0, GrammarCheck.widenFor(0.05, 1), 1e-12);
        // Bonferroni over 10: z(1 − 0.0025) = 2.807 (normal table) over 1.960
        assertEquals(2.807 / 1.960, GrammarCheck.widenFor(0.05, 10), 2e-3);
    }

    /**
     * Calibration and power over 60 seeded repetitions (500 bootstrap resamples), baseline and checked groups of 20
     * graphs each. Same distribution: the effect-band rule is built for a family-wise false-alarm rate of 5 % per
     * group; the test fails if more than 8 of 60 groups fail (binomial(60, 0.05): P(X &gt; 8) ≈ 0.006, so
     * α ≈ 0.006
     * if the rule were exactly calibrated; the Bonferroni width and the absolute slack make it conservative). A
     * shift of 3 per-graph sd in one motif must be caught in at least 57 of 60.
     */
    @Test
    void check_repeatedGroups_falseAlarmsNearAlphaAndShiftsCaught() {
        SplittableRandom rng = new SplittableRandom(77);
        int falseAlarms = 0;
        int caught = 0;
        double[] shift = new double[MOTIFS];
        shift[4] = 3 * SD;
        for (int rep = 0; rep < 60; rep++) {
            GrammarBaseline base = quickBaseline(group("b", 20, rng.split(), new double[MOTIFS], 1));
            if (!rule(GrammarCheck.check(base, group("c", 20, rng.split(), new double[MOTIFS], 1),
                    CheckRules.defaults()), Rule.EFFECT_BAND).passed()) {
                falseAlarms++;
            }
            RuleOutcome shifted = rule(GrammarCheck.check(base, group("d", 20, rng.split(), shift, 1),
                    CheckRules.defaults()), Rule.EFFECT_BAND);
            if (shifted.failures().stream().anyMatch(f -> f.subject().equals("lpc/signed/M4"))) {
                caught++;
            }
        }
        assertTrue(falseAlarms <= 8, "false alarms " + falseAlarms + " of 60");
        assertTrue(caught >= 57, "caught " + caught + " of 60");
    }
}
