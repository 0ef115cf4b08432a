package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void help_describesOptionsAndExitCodes() {
        assertEquals(0, run("synth", "--help"));
        assertTrue(out.toString().startsWith("Usage: cgram synth"), out.toString());
        assertTrue(out.toString().contains("--preset") && out.toString().contains("Exit codes:"), out.toString());
    }

    @Test
    void synth_customSize_writesAReadableGraphOfThatSize() throws Exception {
        Path file = dir.resolve("g.json");
        assertEquals(0, run("synth", "--nodes", "400", "--edges", "3000", "--seed", "5", "-o", file.toString()));
        assertTrue(out.toString().contains("400 nodes, 3000 edges"), out.toString());
        AttributionGraph g = new GraphReader().read(file);
        AttributionGraph expected = LayeredDagGenerator.generate(LayeredDagSpec.of(400, 3000, 5));
        assertEquals(400, g.nodeCount());
        assertEquals(3000, g.edgeCount());
        assertEquals(expected.count(NodeKind.LOGIT), g.count(NodeKind.LOGIT));
        int[] expectedEnds = new int[2 * 3000];
        int[] ends = new int[2 * 3000];
        for (int e = 0; e < 3000; e++) {
            assertEquals(expected.edgeWeight(e), g.edgeWeight(e), 1e-12);
            assertTrue(g.layer(g.edgeSource(e)) < g.layer(g.edgeTarget(e)));
            expectedEnds[2 * e] = expected.edgeSource(e);
            expectedEnds[2 * e + 1] = expected.edgeTarget(e);
            ends[2 * e] = g.edgeSource(e);
            ends[2 * e + 1] = g.edgeTarget(e);
        }
        assertArrayEquals(expectedEnds, ends);
    }

    @Test
    void synth_sameSeedTwice_byteIdenticalFiles() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, run("synth", "--nodes", "300", "--edges", "2000", "-o", a.toString()));
        assertEquals(0, run("synth", "--nodes", "300", "--edges", "2000", "-o", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void synth_presetAndNodesTogether_usageError() {
        assertEquals(2, run("synth", "--preset", "s", "--nodes", "10", "--edges", "5", "-o",
                dir.resolve("x.json").toString()));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }

    @Test
    void synth_unknownPresetOrImpossibleSize_exit2WithOneLine() {
        assertEquals(2, run("synth", "--preset", "xl", "-o", dir.resolve("x.json").toString()));
        assertTrue(err.toString().contains("unknown preset 'xl'"), err.toString());
        assertEquals(2, run("synth", "--nodes", "40", "--edges", "100000", "-o", dir.resolve("y.json").toString()));
        assertTrue(err.toString().contains("could only place"), err.toString());
        assertTrue(Files.notExists(dir.resolve("x.json")) && Files.notExists(dir.resolve("y.json")));
    }
}
