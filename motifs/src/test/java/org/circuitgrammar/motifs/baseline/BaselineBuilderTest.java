package org.circuitgrammar.motifs.baseline;

import static org.circuitgrammar.motifs.baseline.ResultFixtures.Row.independent;
import static org.circuitgrammar.motifs.baseline.ResultFixtures.nodes;
import static org.circuitgrammar.motifs.baseline.ResultFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.RowRole;
import org.junit.jupiter.api.Test;

class BaselineBuilderTest {
    private static final MotifKey C1 = new MotifKey(NullKind.LPC, MotifFamily.SIGNED, "C1");
    private static final MotifKey I1 = new MotifKey(NullKind.LPC, MotifFamily.SIGNED, "I1");
    private static final MotifKey FFL = new MotifKey(NullKind.LPC, MotifFamily.TRIAD, "030T");

    /** Ten graphs of model a: C1 effects 0.1..1.0, I1 effects around zero, a determined 021D row. */
    private static List<CensusResult> modelA() {
        List<CensusResult> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(result("a/g" + i + ".json", "a", nodes("a" + i + "_", 20), ResultFixtures.SPEC, List.of(
                    independent("C1", 0.1 * (i + 1), 0.6),
                    independent("I1", i % 2 == 0 ? -0.05 * i : 0.05 * i, -0.8),
                    new ResultFixtures.Row(NullKind.LPC, MotifFamily.TRIAD, "030T", RowRole.INDEPENDENT, 0.4, 1.0),
                    new ResultFixtures.Row(NullKind.LPC, MotifFamily.TRIAD, "021D", RowRole.DETERMINED, -0.3,
                            Double.NaN))));
        }
        return out;
    }

    @Test
    void build_byModel_oneGroupPerModelSortedByName() {
        List<CensusResult> results = new ArrayList<>(modelA());
        results.add(0, result("b/x.json", "b", nodes("b", 5), ResultFixtures.SPEC,
                List.of(independent("C1", -1.0, 1.0))));
        GrammarBaseline baseline = BaselineBuilder.build(results, ResultFixtures.baselineSpec(List.of("model")),
                ResultFixtures.RUN);
        assertEquals(List.of("a", "b"), baseline.groups().stream().map(GroupBaseline::group).toList());
        assertEquals(10, baseline.group("a").orElseThrow().graphs().size());
        assertEquals(1, baseline.group("b").orElseThrow().graphs().size());
        assertEquals(11, baseline.provenance().inputs().size());
    }

    @Test
    void build_independentRowsOnly_determinedRowsAreNoMotif() {
        GroupBaseline a = BaselineBuilder.build(modelA(), ResultFixtures.baselineSpec(List.of()), ResultFixtures.RUN)
                .group(BaselineSpec.ALL_GROUP).orElseThrow();
        assertEquals(List.of(C1, I1, FFL), a.motifs().stream().map(MotifBaseline::motif).toList());
    }

    @Test
    void build_medianAndDirection_matchHandComputation() {
        GroupBaseline a = BaselineBuilder.build(modelA(), ResultFixtures.baselineSpec(List.of()), ResultFixtures.RUN)
                .group(BaselineSpec.ALL_GROUP).orElseThrow();
        MotifBaseline c1 = a.motif(C1).orElseThrow();
        // effects 0.1 … 1.0: median (0.5 + 0.6) / 2; every effect is positive, so every bootstrap median is
        assertEquals(0.55, c1.median(), 1e-12);
        assertTrue(c1.low() > 0 && c1.low() <= 0.55 && c1.high() >= 0.55 && c1.high() <= 1.0);
        assertEquals(Direction.ENRICHED, c1.direction());
        MotifBaseline i1 = a.motif(I1).orElseThrow();
        // effects 0, 0.05, -0.1, 0.15, -0.2, 0.25, -0.3, 0.35, -0.4, 0.45: median (0 + 0.05) / 2, interval spans 0
        assertEquals(0.025, i1.median(), 1e-12);
        assertEquals(Direction.NONE, i1.direction());
        MotifBaseline ffl = a.motif(FFL).orElseThrow();
        assertEquals(0.4, ffl.median(), 1e-12);
        assertEquals(0.4, ffl.low(), 1e-12);
        assertEquals(0.4, ffl.high(), 1e-12);
    }

    @Test
    void build_meanProfile_isTheMeanOfTheSpEntries() {
        List<CensusResult> results = List.of(
                result("g1.json", "m", nodes("x", 5), ResultFixtures.SPEC,
                        List.of(independent("C1", 0.1, 0.6), independent("I1", 0.1, 0.8))),
                result("g2.json", "m", nodes("y", 5), ResultFixtures.SPEC,
                        List.of(independent("C1", 0.1, 0.8), independent("I1", 0.1, Double.NaN))));
        ProfileBaseline p = BaselineBuilder.build(results, ResultFixtures.baselineSpec(List.of()), ResultFixtures.RUN)
                .groups().get(0).profiles().get(0);
        assertEquals(List.of("C1", "I1"), p.labels());
        assertEquals(0.7, p.mean().get(0), 1e-12);
        assertEquals(0.8, p.mean().get(1), 1e-12);
        assertEquals(List.of(2, 1), p.graphs());
    }

    @Test
    void build_nearDuplicates_countOnceAndAreRecorded() {
        List<String> shared = nodes("n", 100);
        List<String> regenerated = new ArrayList<>(shared.subList(0, 97));
        regenerated.addAll(nodes("extra", 3));   // Jaccard 97 / 103 ≈ 0.94
        List<CensusResult> results = List.of(
                result("orig.json", "m", shared, ResultFixtures.SPEC, List.of(independent("C1", 0.1, 1))),
                result("other.json", "m", nodes("o", 100), ResultFixtures.SPEC, List.of(independent("C1", 0.3, 1))),
                result("regen.json", "m", regenerated, ResultFixtures.SPEC, List.of(independent("C1", 5.0, 1))));
        GroupBaseline g = BaselineBuilder.build(results, ResultFixtures.baselineSpec(List.of()), ResultFixtures.RUN)
                .groups().get(0);
        assertEquals(List.of("orig.json", "other.json"), g.graphs().stream().map(b -> b.input().path()).toList());
        assertEquals("regen.json", g.graphs().get(0).merged().get(0).path());
        // the regenerated graph's 5.0 does not count: the median of 0.1 and 0.3
        assertEquals(0.2, g.motif(C1).orElseThrow().median(), 1e-12);
    }

    @Test
    void build_sameInputsAndSeed_equalBaselines() {
        BaselineSpec spec = ResultFixtures.baselineSpec(List.of());
        assertEquals(BaselineBuilder.build(modelA(), spec, ResultFixtures.RUN),
                BaselineBuilder.build(modelA(), spec, ResultFixtures.RUN));
    }
}
