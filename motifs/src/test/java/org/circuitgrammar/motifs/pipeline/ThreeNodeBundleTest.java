package org.circuitgrammar.motifs.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.result.MotifFamily;
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
    void of_countsAndSplitsLikeTheMembers() throws InvalidGraphException {
        SignedDigraph g = war();
        ThreeNodeBundle bundle = ThreeNodeBundle.of(List.of(MotifFamily.POSITION, MotifFamily.DAG4,
                MotifFamily.TRIAD, MotifFamily.SIGNED));
        assertEquals(List.of(MotifFamily.POSITION, MotifFamily.TRIAD, MotifFamily.SIGNED), bundle.members());
        assertEquals("position+triad+signed", bundle.family());
        long[] together = bundle.count(g);
        List<FamilyCounts> split = bundle.split(new FamilyCounts(bundle.family(), bundle.labels(), together,
                new long[][] {together, together}));
        for (int i = 0; i < 3; i++) {
            MotifFamily member = bundle.members().get(i);
            assertEquals(member.id(), split.get(i).family());
            assertEquals(member.counter().labels(), split.get(i).labels());
            assertArrayEquals(member.counter().count(g), split.get(i).observed());
            assertArrayEquals(member.counter().count(g), split.get(i).samples()[1]);
        }
    }

    @Test
    void of_withoutTriad_appendsItForTotalsAndMixing() {
        ThreeNodeBundle bundle = ThreeNodeBundle.of(List.of(MotifFamily.SIGNED));
        assertEquals(List.of(MotifFamily.SIGNED, MotifFamily.TRIAD), bundle.members());
        assertEquals(bundle.labels().size(), MotifFamily.SIGNED.counter().labels().size() + 16);
    }
}
