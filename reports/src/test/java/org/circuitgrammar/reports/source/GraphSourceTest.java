package org.circuitgrammar.reports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.pipeline.GraphCensus;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphSourceTest {
    @TempDir
    Path dir;

    private CensusResult countsOnly(Path graph) throws Exception {
        return GraphCensus.of(graph, CensusSpec.defaults(List.of(NullKind.LPC)).withSamples(0));
    }

    @Test
    void load_sameFile_viewAsTheCensusCountedIt() throws Exception {
        Path graph = Files.copy(SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json"), dir.resolve("meow.json"));
        CensusResult r = countsOnly(graph);
        GraphSource.Found found = assertInstanceOf(GraphSource.Found.class, new GraphSource(null).load(r));
        assertEquals(r.graph().views().get(0).nodes(), found.view().graph().nodeCount());
        assertEquals(r.graph().views().get(0).edges(), found.view().graph().edgeCount());
    }

    @Test
    void load_changedOrMissingFile_missingWithReason() throws Exception {
        Path graph = Files.copy(SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json"), dir.resolve("meow.json"));
        CensusResult r = countsOnly(graph);
        Files.writeString(graph, Files.readString(graph) + " ");
        GraphSource.Missing changed = assertInstanceOf(GraphSource.Missing.class, new GraphSource(null).load(r));
        assertEquals(graph + ": graph file changed since the census (SHA-256 differs)", changed.reason());
        Files.delete(graph);
        GraphSource.Missing gone = assertInstanceOf(GraphSource.Missing.class, new GraphSource(null).load(r));
        assertEquals(graph + ": graph file not found", gone.reason());
    }
}
