package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.junit.jupiter.api.Test;

/** Behaviour only; the timing itself is what the command is for, never asserted. */
class BenchLoadCommandTest {
    @Test
    void help_worksForParentAndLoad() {
        assertTrue(CliRun.of("bench").out.contains("load"));
        CliRun r = CliRun.of("bench", "load", "--help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Usage: cgram bench load"), r.out);
    }

    @Test
    void load_realFile_printsEachRepeatAndTheSummary() {
        CliRun r = CliRun.of("bench", "load", SharedData.corpusFile("gemma-2-2b/clt/meow-clt.json").toString(),
                "--repeat", "3");
        assertEquals(0, r.exit, r.toString());
        assertEquals(3, r.out.lines().filter(l -> l.startsWith("read ")).count(), r.out);
        assertTrue(r.out.contains("76 nodes, 374 links; after warm-up: median"), r.out);
    }

    @Test
    void load_smallSynthetic_readsWhatWasWritten() {
        CliRun r = CliRun.of("bench", "load", "--synthetic-mb", "1", "--repeat", "2");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("file synthetic (seed 1), "), r.out);
        double mb = Double.parseDouble(r.out.substring("file synthetic (seed 1), ".length(), r.out.indexOf(" MB")));
        assertTrue(mb >= 0.9 && mb <= 1.1, "about the size asked for: " + mb);
    }

    @Test
    void synthetic_isLayeredAndSeeded() {
        AttributionGraph a = BenchLoadCommand.synthetic(200_000, 5);
        assertEquals(a, BenchLoadCommand.synthetic(200_000, 5));
        for (int e = 0; e < a.edgeCount(); e++) {
            assertTrue(a.layer(a.edgeSource(e)) < a.layer(a.edgeTarget(e)));
        }
        assertEquals(12, a.count(NodeKind.EMBEDDING));
    }

    @Test
    void load_unreadableFile_exitsTwo() {
        assertEquals(2, CliRun.of("bench", "load", "/no/such.json").exit);
        assertEquals(2, CliRun.of("bench", "load", "--repeat", "1").exit);
    }
}
