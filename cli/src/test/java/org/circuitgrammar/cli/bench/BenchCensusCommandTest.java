package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCensusCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** FFLs by the definition: edges x→y, y→z, x→z. */
    private static long fflByDefinition(SignedDigraph g) {
        long t = 0;
        for (int x = 0; x < g.nodeCount(); x++) {
            for (int y = 0; y < g.nodeCount(); y++) {
                if (!g.hasEdge(x, y)) {
                    continue;
                }
                for (int z = 0; z < g.nodeCount(); z++) {
                    if (g.hasEdge(y, z) && g.hasEdge(x, z)) {
                        t++;
                    }
                }
            }
        }
        return t;
    }

    @Test
    void help_benchGroupAndCensus() {
        assertEquals(0, run("bench"));
        assertTrue(out.toString().contains("census"), out.toString());
        assertEquals(0, run("bench", "census", "--help"));
        assertTrue(out.toString().contains("Usage: cgram bench census"), out.toString());
        assertTrue(out.toString().contains("--sizes"), out.toString());
    }

    @Test
    void census_presetSWithoutIgraph_printsTheFflCountOfTheGeneratedGraph() {
        assertEquals(0, run("bench", "census", "--sizes", "s", "--runs", "1", "--warmup", "0", "--no-igraph"));
        SignedDigraph g = AnalysedGraph.of(LayeredDagGenerator.generate(LayeredDagSpec.preset("s", 42)),
                AnalysisOptions.DEFAULT).graph();
        String row = out.toString().lines().filter(l -> l.startsWith("s ")).findFirst().orElseThrow();
        String[] f = row.trim().split("\\s+");
        assertEquals("1000", f[1]);
        assertEquals("20000", f[2]);
        assertEquals(Long.toString(fflByDefinition(g)), f[3]);
        assertTrue(out.toString().contains("igraph: not run"), out.toString());
    }

    @Test
    void census_presetSWithIgraph_countsAgree() {
        assumeTrue(IgraphCensus.available("/usr/bin/python3"), "python3-igraph not installed");
        assertEquals(0, run("bench", "census", "--sizes", "s", "--runs", "1", "--warmup", "0"));
        String row = out.toString().lines().filter(l -> l.startsWith("s ")).findFirst().orElseThrow();
        assertTrue(row.endsWith("agree"), out.toString());
    }

    @Test
    void census_unknownSizeOrBadRuns_usageError() {
        assertEquals(2, run("bench", "census", "--sizes", "x", "--no-igraph"));
        assertTrue(err.toString().contains("unknown preset 'x'"), err.toString());
        assertEquals(2, run("bench", "census", "--runs", "0", "--no-igraph"));
    }

    @Test
    void census_pythonWithoutIgraph_runsOursAndSaysWhy() {
        assertEquals(0, run("bench", "census", "--sizes", "s", "--runs", "1", "--warmup", "0", "--python",
                "/nonexistent/python"));
        assertTrue(out.toString().contains("cannot import igraph"), out.toString());
    }

    @Test
    void parse_igraphOutput_nanForDisconnectedClasses() throws IOException {
        IgraphCensus c = IgraphCensus.parse("igraph 0.10.2\nseconds 0.5 0.6\ncpu 0.4 0.45\n"
                + "counts nan nan 5 nan 4 0 6 7 0 0 0 0 0 0 0 0\n");
        assertEquals("0.10.2", c.version());
        assertEquals(0.5, c.best());
        assertEquals(0.4, c.bestCpu());
        assertArrayEquals(new long[] {-1, -1, 5, -1, 4, 0, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0}, c.counts());
        long[] ours = new long[16];
        ours[3] = 6;    // 021D, igraph id 6
        ours[4] = 5;    // 021U, igraph id 2
        ours[5] = 4;    // 021C, igraph id 4
        ours[8] = 7;    // 030T, igraph id 7
        assertTrue(c.agreesWith(ours));
        ours[8] = 8;
        assertTrue(!c.agreesWith(ours));
        assertThrows(IOException.class, () -> IgraphCensus.parse("Traceback: no module named igraph"));
    }
}
