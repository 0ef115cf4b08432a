package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cgram model generate|export-hf} against run.c's printed text in {@code reference_greedy.json}. */
class ModelCommandTest {
    private static Path modelDir;
    private static JsonNode runs;

    @TempDir
    Path temp;

    @BeforeAll
    static void locate() throws IOException {
        String shared = System.getProperty("cgram.shared.dir", "../../shared");
        modelDir = Path.of(shared, "models", "stories260K");
        runs = new ObjectMapper().readTree(modelDir.resolve("reference_greedy.json").toFile()).get("runs");
    }

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
    void generate_greedyEveryReferencePrompt_printsRunCText() {
        for (JsonNode run : runs) {
            int promptTokens = run.get("prompt_ids").size();
            int newTokens = run.get("steps").asInt() - promptTokens + 1;
            Result r = cgram("model", "generate", "--model", modelDir.toString(), "--prompt", run.get("prompt").asText(),
                    "--steps", Integer.toString(newTokens), "--temperature", "0");
            assertEquals(0, r.code(), r.err());
            assertEquals(run.get("decoded_text").asText() + "\n", r.out(), run.get("run_c_command").asText());
        }
    }

    @Test
    void generate_checkpointFileAsModel_sameAsFolder() {
        Result r = cgram("model", "generate", "--model", modelDir.resolve("stories260K.bin").toString(),
                "--prompt", "Once upon a time", "--steps", "60", "--temperature", "0");
        assertEquals(0, r.code(), r.err());
        assertEquals(runs.get(1).get("decoded_text").asText() + "\n", r.out());
    }

    @Test
    void generate_sameSeed_sameText_otherSeed_otherText() {
        String[] base = {"model", "generate", "--model", modelDir.toString(), "--steps", "40", "--temperature", "1.0"};
        Result a = cgram(concat(base, "--seed", "7"));
        Result b = cgram(concat(base, "--seed", "7"));
        Result c = cgram(concat(base, "--seed", "8"));
        assertEquals(0, a.code());
        assertEquals(a.out(), b.out());
        assertTrue(!a.out().equals(c.out()), "two seeds gave the same 40 tokens");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void exportHf_thenGenerateFromExport_sameGreedyText() throws IOException {
        Path out = temp.resolve("hf");
        Result e = cgram("model", "export-hf", "--model", modelDir.toString(), "-o", out.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("wrote " + out + ": 47 tensors (F32) + tok512.bin"), e.out());
        assertTrue(Files.isRegularFile(out.resolve("config.json")));
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
        Result g = cgram("model", "generate", "--model", out.toString(), "--prompt", "Once upon a time", "--steps", "60",
                "--temperature", "0");
        assertEquals(0, g.code(), g.err());
        assertEquals(runs.get(1).get("decoded_text").asText() + "\n", g.out());
    }

    @Test
    void generate_missingModel_exit2OneLine() {
        Result r = cgram("model", "generate", "--model", temp.resolve("nothing").toString(), "--temperature", "0");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(temp.resolve("nothing").toString()), r.err());
        assertEquals("", r.out());
    }

    @Test
    void generate_negativeSteps_exit2() {
        Result r = cgram("model", "generate", "--model", modelDir.toString(), "--steps", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--steps must be >= 0"), r.err());
    }

    @Test
    void help_everyModelCommand_exit0WithUsage() {
        Result model = cgram("model", "--help");
        assertEquals(0, model.code());
        assertTrue(model.out().contains("generate") && model.out().contains("export-hf"), model.out());
        Result generate = cgram("model", "generate", "--help");
        assertEquals(0, generate.code());
        assertTrue(generate.out().contains("--temperature") && generate.out().contains("--steps"), generate.out());
        Result export = cgram("model", "export-hf", "--help");
        assertEquals(0, export.code());
        assertTrue(export.out().contains("--dtype") && export.out().contains("BF16"), export.out());
        Result bare = cgram("model");
        assertEquals(0, bare.code());
        assertTrue(bare.out().contains("Usage: cgram model"), bare.out());
    }
}
