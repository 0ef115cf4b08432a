package org.circuitgrammar.reports.compare;

import static org.circuitgrammar.reports.ResultFixtures.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.RowRole;
import org.junit.jupiter.api.Test;

/**
 * The comparer on hand-made results whose statistics are worked out by hand in the comments (exact Mann–Whitney
 * distributions of 3 + 3 values, Kruskal–Wallis without ties, BH of two p-values).
 */
class ComparerTest {
    private static final double EPS = 1e-12;

    /** clt graphs c1..c3 and plt graphs p1..p3: FFL I1 log2 1,2,3 vs 4,5,6; C1 log2 1,3,5 vs 2,4,6. */
    private static List<CensusResult> twoTranscoders() {
        List<CensusResult> out = new ArrayList<>();
        double[] i1 = {1, 2, 3, 4, 5, 6};
        double[] c1 = {1, 3, 5, 2, 4, 6};
        for (int k = 0; k < 6; k++) {
            boolean clt = k < 3;
            out.add(graph((clt ? "c" : "p") + (k % 3 + 1)).transcoder(clt ? TranscoderKind.CLT : TranscoderKind.PLT)
                    .row(NullKind.LPC, MotifFamily.TRIAD, "030T", 0.1, 20 + k, 1.0)
                    .row(NullKind.LPC, MotifFamily.TRIAD, "021D", -0.1, -20 - k, Double.NaN, RowRole.DETERMINED,
                            "triad/030T")
                    .row(NullKind.LPC, MotifFamily.TRIAD, "300", 0, Double.NaN, Double.NaN, RowRole.CONSTANT, null)
                    .row(NullKind.LPC, MotifFamily.SIGNED, "I1", i1[k], 10 * i1[k], clt ? 0.6 : -0.6)
                    .row(NullKind.LPC, MotifFamily.SIGNED, "C1", c1[k], 10 * c1[k], 0.8)
                    .build());
        }
        return out;
    }

    @Test
    void compare_twoGroups_mannWhitneyCliffsDeltaAndBhByHand() {
        Comparison c = Comparer.compare(Cohort.of(twoTranscoders(), GroupBy.attribute("transcoder"), false, 0.9));
        assertEquals(List.of("clt", "plt"), c.groups());
        Comparison.NullComparison lpc = c.nulls().get(0);
        assertEquals("lpc", lpc.nullModel());
        assertEquals(6, lpc.graphs());
        // 030T: equal log2 ratios in both groups -> all ties; tested (independent), p = 1 by the asymptotic branch
        Comparison.MotifComparison i1 = motif(lpc, "signed/I1");
        // U1 = 0 (every clt value below every plt value); exact two-sided p = 2 * P(U >= 9) = 2/20
        assertEquals("mann-whitney", i1.test().test());
        assertEquals(0, i1.test().statistic(), EPS);
        assertEquals(0.1, i1.test().p(), EPS);
        assertEquals(-1, i1.test().effect(), EPS);
        Comparison.GroupSummary clt = i1.groups().get(0);
        assertEquals(2, clt.medianLog2Ratio(), EPS);
        assertEquals(1.5, clt.q1Log2Ratio(), EPS);
        assertEquals(2.5, clt.q3Log2Ratio(), EPS);
        assertEquals(20, clt.medianZ(), EPS);
        assertEquals(15, clt.q1Z(), EPS);
        assertEquals(25, clt.q3Z(), EPS);
        // C1: clt {1,3,5} vs plt {2,4,6}: U1 = 3, U = 6, P(U >= 6) = 7/20 -> p = 0.7
        Comparison.MotifComparison c1 = motif(lpc, "signed/C1");
        assertEquals(3, c1.test().statistic(), EPS);
        assertEquals(0.7, c1.test().p(), EPS);
        // BH over the three tested motifs: p = 0.1 (I1), 0.7 (C1), 1 (030T, all tied)
        assertEquals(1.0, motif(lpc, "triad/030T").test().p(), EPS);
        assertEquals(0.3, i1.test().q(), EPS);
        assertEquals(1.0, c1.test().q(), EPS);
    }

    @Test
    void compare_determinedAndConstantRows_notTestedWithReason() {
        Comparison c = Comparer.compare(Cohort.of(twoTranscoders(), GroupBy.attribute("transcoder"), false, 0.9));
        Comparison.NullComparison lpc = c.nulls().get(0);
        assertTrue(lpc.motifs().stream().noneMatch(m -> m.motif().equals("triad/021D")
                || m.motif().equals("triad/300")));
        assertEquals(List.of("triad/021D: determined by triad/030T in 6 graph(s)",
                "triad/300: constant under the null in 6 graph(s)"), lpc.notTested());
        assertTrue(lpc.fdrFamily().contains("3 motif(s)"), lpc.fdrFamily());
    }

    @Test
    void compare_threeGroups_kruskalWallisByHand() {
        List<CensusResult> results = new ArrayList<>();
        String[] models = {"a", "a", "b", "b", "c", "c"};
        for (int k = 0; k < 6; k++) {
            results.add(graph("g" + k).model(models[k])
                    .row(NullKind.CONFIG, MotifFamily.TRIAD, "030T", k + 1, k, 1).build());
        }
        Comparison c = Comparer.compare(Cohort.of(results, GroupBy.attribute("model"), false, 0.9));
        Comparison.GroupTest t = motif(c.nulls().get(0), "triad/030T").test();
        // ranks = values; R = 3, 7, 11; H = 12/42 * (9 + 49 + 121)/2 - 21 = 4.571428...; p = exp(-H/2) for df 2
        double h = 12.0 / 42 * (9 + 49 + 121) / 2 - 21;
        assertEquals("kruskal-wallis", t.test());
        assertEquals(h, t.statistic(), 1e-12);
        assertEquals(Math.exp(-h / 2), t.p(), 1e-12);
        assertEquals(h / 5, t.effect(), 1e-12);
        assertEquals(List.of("a", "b", "c"), t.groups());
    }

    @Test
    void compare_graphsWithoutCategory_reportedAndNotTested() {
        List<CensusResult> results = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            results.add(graph("g" + k).prompt(k < 2 ? "capital of Texas" : k < 4 ? "2 + 2 =" : "hello")
                    .row(NullKind.LPC, MotifFamily.TRIAD, "030T", k, k, 1).build());
        }
        Categories categories = new Categories(java.util.Map.of(), List.of(
                new Categories.Rule("recall", java.util.regex.Pattern.compile("capital")),
                new Categories.Rule("arithmetic", java.util.regex.Pattern.compile("\\d \\+ \\d"))));
        Comparison c = Comparer.compare(Cohort.of(results, new GroupBy(GroupBy.CATEGORY, categories), false, 0.9));
        assertEquals(List.of("arithmetic", "recall", GroupBy.UNGROUPED), c.groups());
        assertEquals(List.of("g4"), c.ungrouped());
        Comparison.MotifComparison m = motif(c.nulls().get(0), "triad/030T");
        assertEquals(3, m.groups().size(), "the ungrouped graph is summarised");
        assertEquals(List.of("arithmetic", "recall"), m.test().groups(), "but not tested");
    }

    @Test
    void compare_nearDuplicates_mergedUnlessKept() {
        List<String> shared = List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10");
        List<String> almost = new ArrayList<>(shared);
        almost.set(9, "other"); // Jaccard 9/11 = 0.818: below 0.9, kept apart
        List<CensusResult> results = List.of(
                graph("dallas").nodeIds(shared).row(NullKind.LPC, MotifFamily.TRIAD, "030T", 1, 1, 1).build(),
                graph("dallas-again").nodeIds(shared).row(NullKind.LPC, MotifFamily.TRIAD, "030T", 1, 1, 1).build(),
                graph("dallas-other").nodeIds(almost).row(NullKind.LPC, MotifFamily.TRIAD, "030T", 1, 1, 1).build());
        Comparison merged = Comparer.compare(Cohort.of(results, GroupBy.attribute("model"), false, 0.9));
        assertEquals(List.of("dallas", "dallas-other"), merged.graphs().stream()
                .map(Comparison.GraphEntry::name).toList());
        assertEquals(List.of(new Comparison.MergedGraphs("dallas", List.of("dallas-again"))), merged.merged());
        Comparison loose = Comparer.compare(Cohort.of(results, GroupBy.attribute("model"), false, 0.8));
        assertEquals(1, loose.graphs().size());
        Comparison kept = Comparer.compare(Cohort.of(results, GroupBy.attribute("model"), true, 0.9));
        assertEquals(3, kept.graphs().size());
        assertTrue(kept.merged().isEmpty());
    }

    @Test
    void compare_profiles_cosineWithinAndBetweenGroupsByHand() {
        // profiles over (I1, C1): clt graphs (0.6, 0.8); plt graphs (-0.6, 0.8): cos within = 1, between = 0.28
        Comparison c = Comparer.compare(Cohort.of(twoTranscoders(), GroupBy.attribute("transcoder"), false, 0.9));
        Comparison.ProfileSimilarity sim = c.nulls().get(0).profiles();
        // every graph also has the 030T entry 1.0: clt vs plt = (1 - 0.36 + 0.64) / 2 = 0.64
        assertEquals(1.0, sim.groupMeanCosine().get(0).get(0), EPS);
        assertEquals(1.0, sim.groupMeanCosine().get(1).get(1), EPS);
        assertEquals(0.64, sim.groupMeanCosine().get(0).get(1), EPS);
        assertEquals(0.64, sim.groupMeanCosine().get(1).get(0), EPS);
        // the dendrogram joins each group at distance 0 before joining the groups at 1 - 0.64
        assertEquals(5, sim.dendrogram().size());
        assertEquals(0.36, sim.dendrogram().get(4).distance(), EPS);
        List<Integer> leaves = sim.leafOrder();
        assertEquals(java.util.Set.of(0, 1, 2), java.util.Set.copyOf(leaves.subList(0, 3)));
        assertTrue(ComparisonWriter.table(c).contains("the top split (at 0.360) separates [clt 3] from [plt 3]"),
                ComparisonWriter.table(c));
    }

    @Test
    void compare_oneGroupOnly_descriptiveWithoutTest() {
        List<CensusResult> results = List.of(
                graph("a").row(NullKind.LPC, MotifFamily.TRIAD, "030T", 1, 1, 1).build(),
                graph("b").row(NullKind.LPC, MotifFamily.TRIAD, "030T", 2, 2, 1).build());
        Comparison c = Comparer.compare(Cohort.of(results, GroupBy.attribute("model"), false, 0.9));
        Comparison.MotifComparison m = motif(c.nulls().get(0), "triad/030T");
        assertNull(m.test());
        assertEquals(1.5, m.groups().get(0).medianLog2Ratio(), EPS);
        assertTrue(c.nulls().get(0).fdrFamily().startsWith("no motif could be tested"));
    }

    private static Comparison.MotifComparison motif(Comparison.NullComparison section, String key) {
        return section.motifs().stream().filter(m -> m.motif().equals(key)).findFirst().orElseThrow();
    }
}
