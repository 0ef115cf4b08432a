package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RunCSamplerTest {
    /**
     * SHA-256 of the stdout of {@code ./run stories260K.bin -z tok512.bin -t 1.0 -p 0.9 -s 133742} (default -n 256) as
     * printed in llama2.c's {@code doc/stories260K.md} (the "Timmy" story), plus run.c's final newline. Only the
     * fingerprint is kept here, not the text.
     */
    private static final String RUN_C_SAMPLE_SHA256 = "0d33d0d617b86488c85dd171d128cd7559d789a71bc80efb254577f8dc4750aa";

    @Test
    void sample_runCSeed133742TopP09_reproducesRunCOutput() throws IOException, NoSuchAlgorithmException {
        LlamaWeights w = Llama2cCheckpoint.read(SharedModel.checkpoint());
        Llama2cTokenizer tok = Llama2cTokenizer.read(SharedModel.tokenizer(), 512);
        StringBuilder out = new StringBuilder();
        try (LlamaModel model = new LlamaModel(w)) {
            int[] ids = Generator.generate(model, new int[] {1}, 256, new RunCSampler(1.0f, 0.9f, 133742L), id -> { });
            for (int i = 1; i < ids.length; i++) out.append(tok.printable(ids[i - 1], ids[i]));
        }
        out.append('\n');
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(RUN_C_SAMPLE_SHA256, HexFormat.of().formatHex(digest), out.toString());
    }

    @Test
    void sample_temperatureZero_firstMaximum() {
        RunCSampler s = new RunCSampler(0f, 0.9f, 1);
        assertEquals(1, s.sample(new float[] {0f, 3f, 3f, -1f}));
    }

    @Test
    void sample_oneTokenHoldsAllMass_alwaysThatToken() {
        RunCSampler s = new RunCSampler(1f, 0.5f, 99);
        for (int i = 0; i < 50; i++) assertEquals(2, s.sample(new float[] {-100f, -100f, 100f, -100f}));
    }

    @Test
    void constructor_badArguments_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new RunCSampler(-1f, 0.9f, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunCSampler(1f, 1.5f, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunCSampler(1f, 0.9f, 0));
    }
}
