package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * On every shared graph (default analysed view), a few samples of every layer-keeping null in the default profile
 * have exactly as many edges going back in token position as the observed graph (none for a causal graph), counted
 * here from the edge list, and keep every invariant of their null.
 */
class CausalNullsCorpusTest {
    private static final List<NullKind> LAYER_KEEPING = List.of(NullKind.LP_ER, NullKind.LPC, NullKind.LPC_SHUFFLE,
            NullKind.LPC_SIGN, NullKind.LPC_POSITION);

    static List<Path> sharedGraphs() throws IOException {
        String dir = System.getProperty("cgram.shared.dir");
        Path corpus = (dir != null ? Path.of(dir) : Path.of("..", "shared")).resolve("corpus");
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> layerKeepingNulls_everySharedGraph_neverAddAnEdgeBackInPosition() throws IOException {
        List<Path> files = sharedGraphs();
        assertEquals(51, files.size());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            SignedDigraph g = AnalysedGraph.of(new GraphReader().read(file), AnalysisOptions.DEFAULT).graph();
            int observed = backwardEdges(g);
            for (NullKind kind : LAYER_KEEPING) {
                NullModel model = NullEnsemble.modelFor(kind, g, Profile.DEFAULT);
                NullSampler sampler = model.newSampler(new SplittableRandom(file.hashCode() * 31L + kind.ordinal()));
                for (int i = 0; i < 3; i++) {
                    sampler.advance(2);
                    SignedDigraph sample = sampler.current();
                    assertEquals(observed, backwardEdges(sample), kind + " sample " + i);
                    assertEquals(List.of(), model.invariantViolations(sample), kind + " sample " + i);
                }
            }
        }));
    }

    private static int backwardEdges(SignedDigraph g) {
        int count = 0;
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = g.rawOutOffsets()[s]; e < g.rawOutOffsets()[s + 1]; e++) {
                count += g.position(s) > g.position(g.rawOutTargets()[e]) ? 1 : 0;
            }
        }
        return count;
    }
}
