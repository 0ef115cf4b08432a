package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.transcoder.Activation;
import org.circuitgrammar.tracer.transcoder.TranscoderFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TranscodersTrainCommandTest {
    private static final String STORY = "Once upon a time, there was a little girl named Lily. She loved to play"
            + " outside in the park. One day, she saw a big, red ball. She wanted to play with it.\n\n"
            + "Tom had a red ball. He gave the ball to his friend, a little boy named Tim. Tim was very happy.\n\n"
            + "The cat sat on the mat. The dog ran to the cat and said hello. They played all day in the sun.\n\n"
            + "Lily and her mom went to the store. They bought apples and bread. Lily smiled at her mom.\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path modelDir() {
        String shared = System.getProperty("cgram.shared.dir");
        Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
        return base.resolve("models").resolve("stories260K");
    }

    @Test
    void help_listsOptions_exitZero() {
        assertEquals(0, run("transcoders", "train", "--help"));
        assertTrue(out.toString().contains("--kind") && out.toString().contains("--features")
                && out.toString().contains("--text"), out.toString());
    }

    @Test
    void transcodersAlone_printsUsage() {
        assertEquals(0, run("transcoders"));
        assertTrue(out.toString().contains("train"), out.toString());
    }

    @Test
    void badKind_exitTwo() {
        assertEquals(2, run("transcoders", "train", "--model", modelDir().toString(), "--kind", "sae", "-o",
                dir.toString()));
        assertTrue(err.toString().contains("--kind must be plt, skip-plt or clt"), err.toString());
    }

    @Test
    void reluWithoutL1_exitTwo() {
        assertEquals(2, run("transcoders", "train", "--model", modelDir().toString(), "--kind", "plt",
                "--activation", "relu", "-o", dir.toString()));
        assertTrue(err.toString().contains("--l1"), err.toString());
    }

    @Test
    void missingModel_exitTwoNamingPath() {
        Path absent = dir.resolve("absent");
        assertEquals(2, run("transcoders", "train", "--model", absent.toString(), "--kind", "plt", "-o",
                dir.resolve("o").toString()));
        assertEquals(absent + ": no such file or folder", err.toString().strip());
    }

    @Test
    void text_skipPltTopK_writesLoadableFolderAndReport() throws Exception {
        Path text = dir.resolve("stories.txt");
        Files.writeString(text, STORY);
        Path o = dir.resolve("plt");
        assertEquals(0, run("transcoders", "train", "--model", modelDir().toString(), "--kind", "skip-plt",
                "--activation", "topk", "--k", "4", "--features", "16", "--steps", "20", "--batch", "32",
                "--seq-len", "16", "--text", text.toString(), "--threads", "1", "-o", o.toString()), err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("layer  fvu") && printed.contains("next-token loss"), printed);
        TranscoderFiles.Loaded loaded = TranscoderFiles.read(o);
        assertEquals(5, loaded.transcoder().layerCount());
        assertEquals(64, loaded.transcoder().dModel());
        assertTrue(loaded.transcoder().hasSkip());
        assertEquals(new Activation.TopK(4), loaded.transcoder().activation(2));
        assertEquals("mlp.hook_in", loaded.config().featureInputHook());
        assertEquals("stories260K", loaded.config().modelName());
        String report = Files.readString(o.resolve("training.yaml"));
        assertTrue(report.contains("checkpoint_sha256: b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696")
                && report.contains("text: stories.txt") && report.contains("mean_l0: 4.0"), report);
    }

    @Test
    void sampled_clt_sameSeedSameFiles() throws Exception {
        String[] args = {"transcoders", "train", "--model", modelDir().resolve("stories260K.bin").toString(),
            "--kind", "clt", "--features", "8", "--k", "2", "--steps", "5", "--batch", "16", "--sequences", "2",
            "--heldout-sequences", "1", "--seq-len", "6", "--seed", "7", "--input-hook", "hook_resid_mid"};
        assertEquals(0, run(concat(args, "-o", dir.resolve("a").toString())), err.toString());
        assertEquals(0, run(concat(args, "--threads", "1", "-o", dir.resolve("b").toString())), err.toString());
        TranscoderFiles.Loaded a = TranscoderFiles.read(dir.resolve("a"));
        assertEquals(TranscoderKind.CLT, a.config().kind());
        assertEquals("hook_resid_mid", a.config().featureInputHook());
        assertEquals(a.transcoder(), TranscoderFiles.read(dir.resolve("b")).transcoder());
        assertTrue(!out.toString().contains("next-token loss"), "no replacement loss for hook_resid_mid");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
