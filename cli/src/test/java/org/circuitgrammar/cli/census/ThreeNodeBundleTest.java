package org.circuitgrammar.cli.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.stats.FamilyStatistics;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Test;

/** The bundle against the member counters run one by one. */
class ThreeNodeBundleTest {
    private static SignedDigraph war() throws InvalidGraphException {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../../shared"));
        return AnalysedGraph.of(new GraphReader().read(shared.resolve("corpus/gemma-2-2b/plt/war_ea.json")),
                AnalysisOptions.DEFAULT).graph();
    }

    @Test
    void bundle_countsAndSplitsLikeTheMembers() throws InvalidGraphException {
        SignedDigraph g = war();
        List<MotifCounter> counters = MotifFamilies.parse("position,dag4,triad,signed");
        List<MotifCounter> plan = ThreeNodeBundle.bundle(counters);
        assertEquals(2, plan.size());
        ThreeNodeBundle bundle = (ThreeNodeBundle) plan.get(0);
        assertSame(counters.get(1), plan.get(1));
        assertEquals("position+triad+signed", bundle.family());
        long[] together = bundle.count(g);
        long[][] samples = {together, together};
        List<FamilyStatistics> split = bundle.split(together, samples);
        int[] memberIndex = {0, 2, 3};
        for (int i = 0; i < 3; i++) {
            MotifCounter member = counters.get(memberIndex[i]);
            assertEquals(member.family(), split.get(i).family());
            assertEquals(member.labels(), split.get(i).labels());
            assertArrayEquals(member.count(g), split.get(i).observed());
        }
        assertTrue(bundle.labels().contains("030T"), "the ensemble's mixing diagnostic watches 030T");
    }

    @Test
    void bundle_singleThreeNodeFamily_unchanged() {
        List<MotifCounter> counters = MotifFamilies.parse("triad,dag4");
        assertSame(counters, ThreeNodeBundle.bundle(counters));
    }
}
