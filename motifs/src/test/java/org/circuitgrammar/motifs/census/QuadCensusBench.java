package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.instance.MotifInstanceFinder;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the 4-node census and the instance finder on the analysed views of all shared graphs. Not a CI test:
 * {@code mvn -o -Pbench -pl motifs -am test -Dtest=QuadCensusBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints one line per graph and the totals; asserts only that the thread
 * count does not change the counts.
 */
@Tag("bench")
class QuadCensusBench {

    @Test
    void census_allSharedGraphs_timings() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(QuadCensusTest.sharedDir().resolve("corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<SignedDigraph> views = new ArrayList<>();
        for (Path f : files) {
            views.add(AnalysedGraph.of(new GraphReader().read(f), AnalysisOptions.DEFAULT).graph());
        }
        for (SignedDigraph g : views) {
            QuadCensus.count(g); // warm-up
        }
        long single = 0;
        long dual = 0;
        long sets = 0;
        for (int i = 0; i < files.size(); i++) {
            SignedDigraph g = views.get(i);
            long t0 = System.nanoTime();
            QuadCounts one = QuadCensus.count(g, 1);
            long t1 = System.nanoTime();
            QuadCounts two = QuadCensus.count(g, 2);
            long t2 = System.nanoTime();
            assertEquals(one, two);
            single += t1 - t0;
            dual += t2 - t1;
            sets += one.total();
            System.out.printf(Locale.ROOT, "%-60s %6d nodes %6d edges %12d sets %8.1f ms %8.1f ms(2t)%n",
                    files.get(i).getFileName(), g.nodeCount(), g.edgeCount(), one.total(), (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "census, %d graphs, %d connected 4-node sets: %.2f s (1 thread), "
                + "%.2f s (2 threads)%n", files.size(), sets, single / 1e9, dual / 1e9);
        long t0 = System.nanoTime();
        for (SignedDigraph g : views) {
            new MotifInstanceFinder(g).find(DagMotif.FFL, 20, null);
        }
        long t1 = System.nanoTime();
        for (SignedDigraph g : views) {
            new MotifInstanceFinder(g).find(DagMotif.D16, 20, null);
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "instances top 20, all graphs: ffl %.2f s, bi-fan %.2f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
