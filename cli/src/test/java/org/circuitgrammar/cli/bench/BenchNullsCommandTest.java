package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchNullsCommandTest {
    private static final Path DALLAS = Path.of(System.getProperty("cgram.shared.dir", "../shared"))
            .resolve("corpus/claude-3.5-haiku/clt/capital-state-dallas.json");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void help_benchGroupListsNulls_nullsHelpListsOptions() {
        assertEquals(0, run("bench"));
        assertTrue(out.toString().contains("nulls"), out.toString());
        assertEquals(0, run("bench", "nulls", "--help"));
        assertTrue(out.toString().contains("Usage: cgram bench nulls"), out.toString());
        assertTrue(out.toString().contains("--samples") && out.toString().contains("--parts"), out.toString());
    }

    /** Dallas has 16125 FFLs (circuit-motifs spec §10) and every null of the full analysis gets a line. */
    @Test
    void nulls_smallRun_printsEveryNullAndTheDallasFflCount() {
        assertEquals(0, run("bench", "nulls", "--parts", "in-process,synthetic", "--graph", DALLAS.toString(),
                "--samples", "8", "--synthetic", "s", "--threads", "2"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("(a) in-process"), text);
        assertTrue(text.contains("(b) synthetic s (1000 nodes, 20000 edges)"), text);
        for (NullKind kind : BenchNullsCommand.FULL_ANALYSIS) {
            assertTrue(text.contains("    " + kind.cliName() + " "), kind + " missing in " + text);
        }
        assertEquals(6, text.split("030T observed 16125,", -1).length - 1, text);
        assertEquals("", err.toString());
    }

    @Test
    void nulls_wholeProcess_runsAFreshJvm() {
        assertEquals(0, run("bench", "nulls", "--parts", "process", "--graph", DALLAS.toString(), "--samples", "3",
                "--threads", "1"), err.toString());
        assertTrue(out.toString().matches("(?s).*\\(a\\) whole process \\(.*\\): \\d+\\.\\d\\d s.*"), out.toString());
    }

    @Test
    void nulls_missingGraph_exit2NamingTheFile() {
        assertEquals(2, run("bench", "nulls", "--parts", "in-process", "--graph", "/no/such/graph.json"));
        assertTrue(err.toString().startsWith("/no/such/graph.json: "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
    }

    @Test
    void nulls_badArguments_exit2() {
        assertEquals(2, run("bench", "nulls", "--samples", "0"));
        assertTrue(err.toString().contains("--samples"), err.toString());
        assertEquals(2, run("bench", "nulls", "--parts", "warp"));
        assertTrue(err.toString().contains("unknown part 'warp'"), err.toString());
        assertEquals(2, run("bench", "nulls", "--parts", "synthetic", "--synthetic", "xl", "--samples", "2"));
    }
}
