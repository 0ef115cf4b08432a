package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.json.GraphReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cgram trace} end to end on stories260K with the shipped transcoders. */
class TraceCommandTest {
    private static final Path MODEL = Path.of(System.getProperty("cgram.shared.dir", "../../shared"), "models",
            "stories260K");

    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {}

    private static Result cgram(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void trace_singlePromptWithVerify_writesGraphCorpusReadsWithItsKind() throws Exception {
        Path npz = temp.resolve("g.npz");
        Result r = cgram("trace", "--model", MODEL.toString(), "--transcoders", "clt", "--prompt",
                "Once upon a time, there was a little dog", "-o", temp.toString(), "--slug", "dog", "--verify", "40",
                "--dump-npz", npz.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("verify: max relative error"), r.out());
        AttributionGraph g = new GraphReader().read(temp.resolve("dog.json"));
        assertEquals(TranscoderKind.CLT, g.metadata().transcoderKind());
        assertEquals("stories260k", g.metadata().model());
        assertEquals("stories260K/clt", g.metadata().scan());
        assertTrue(g.count(NodeKind.FEATURE) > 0, g.toString());
        assertEquals(g.metadata().promptTokens().size(), g.count(NodeKind.EMBEDDING), "every token node is kept");
        assertEquals("<s>", g.metadata().promptTokens().get(0));
        assertTrue(g.metadata().extra().get("$.metadata.info").contains("\"replacement_score\""));
        Result valid = cgram("validate", temp.resolve("dog.json").toString());
        assertEquals(0, valid.code(), valid.out() + valid.err());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                byte[] magic = zip.readNBytes(6);
                assertEquals("NUMPY", new String(magic, 1, 5, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        assertTrue(entries.containsAll(List.of("adjacency.npy", "active_features.npy", "node_kind.npy")), entries.toString());
    }

    /**
     * Against independent float64 numpy implementations reading the dumped unpruned graph: every edge of the feature
     * and logit rows, the active set and the logit targets recomputed from the raw checkpoint and transcoder files
     * ({@code scripts/check_trace_attribution.py}); the pruning, kept links and weights, influence fields and both
     * scores ({@code scripts/check_trace_pruning.py}). Skipped without Debian's python3-numpy.
     */
    @Test
    void trace_prunedGraph_matchesNumpyReimplementation() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("/usr/bin/python3", "-c", "import numpy")
                .start().waitFor() == 0, "python3-numpy not installed");
        Path npz = temp.resolve("g.npz");
        for (String set : new String[] {"plt", "clt"}) {
            Result r = cgram("trace", "--model", MODEL.toString(), "--transcoders", set, "--prompt",
                    "The little duck could not swim. The duck was", "-o", temp.toString(), "--slug", set,
                    "--dump-npz", npz.toString());
            assertEquals(0, r.code(), r.err());
            for (List<String> command : List.of(
                    List.of("/usr/bin/python3", "../scripts/check_trace_pruning.py", temp.resolve(set + ".json").toString(),
                            npz.toString()),
                    List.of("/usr/bin/python3", "../scripts/check_trace_attribution.py",
                            MODEL.resolve("stories260K.bin").toString(), "../models/stories260K-transcoders/" + set,
                            npz.toString()))) {
                Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(check.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(0, check.waitFor(), output);
                assertTrue(output.contains(" 0 problems"), output);
            }
        }
    }

    /** A batch resumes: a deleted graph is traced again, the others are skipped, and the bytes come out the same. */
    @Test
    void trace_promptsFile_resumesAndReproducesBytes() throws IOException {
        Path prompts = temp.resolve("p.tsv");
        Files.writeString(prompts, "# two prompts\na-cat\tThe cat sat on the\n\nb-sun\tThe sun was\n");
        Path out = temp.resolve("out");
        Result first = cgram("trace", "--model", MODEL.toString(), "--transcoders", "plt", "--prompts",
                prompts.toString(), "-o", out.toString(), "--dump-npz", temp.resolve("npz").toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.isRegularFile(temp.resolve("npz").resolve("a-cat.npz"))
                && Files.isRegularFile(temp.resolve("npz").resolve("b-sun.npz")), "one npz per prompt");
        byte[] a = Files.readAllBytes(out.resolve("a-cat.json"));
        byte[] b = Files.readAllBytes(out.resolve("b-sun.json"));
        List<String> firstSummary = Files.readAllLines(out.resolve("trace-summary.csv"));
        assertEquals(3, firstSummary.size());
        Files.delete(out.resolve("b-sun.json"));
        Result second = cgram("trace", "--model", MODEL.toString(), "--transcoders", "plt", "--prompts",
                prompts.toString(), "-o", out.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("traced 1 prompts (1 already done)"), second.out());
        assertArrayEquals(a, Files.readAllBytes(out.resolve("a-cat.json")));
        assertEquals(firstSummary, Files.readAllLines(out.resolve("trace-summary.csv")), "rows of resumed prompts"
                + " are read back from their graphs");
        assertArrayEquals(b, Files.readAllBytes(out.resolve("b-sun.json")));
    }

    @Test
    void trace_badInputs_exit2WithOneLine() throws IOException {
        Result missing = cgram("trace", "--model", MODEL.toString(), "--transcoders", temp.resolve("none").toString(),
                "--prompt", "Hi", "-o", temp.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none") && missing.err().strip().lines().count() == 1, missing.err());
        Path prompts = temp.resolve("bad.tsv");
        Files.writeString(prompts, "ok\tThe dog\nbad slug\tThe cat\n");
        Result bad = cgram("trace", "--model", MODEL.toString(), "--transcoders", "plt", "--prompts",
                prompts.toString(), "-o", temp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bad.tsv: line 2"), bad.err());
        Result both = cgram("trace", "--model", MODEL.toString(), "--transcoders", "plt", "--prompt", "a",
                "--prompts", prompts.toString(), "-o", temp.toString());
        assertEquals(2, both.code());
        Result help = cgram("trace", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--verify"), help.out());
    }
}
