package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The llama2.c formats, with files this test writes itself from the layout in llama2.c's exporter: the legacy file
 * byte for byte, a legacy file with a separate classifier (negative vocab_size), and version 1 ("ak42").
 */
class Llama2cCheckpointTest {
    private static LlamaWeights stories;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        stories = Llama2cCheckpoint.read(SharedModel.checkpoint());
    }

    @Test
    void read_stories260K_headerAsReadme() {
        ModelConfig c = stories.config();
        assertEquals(new ModelConfig(Architecture.LLAMA, 64, 172, 5, 8, 4, 512, 512, 1e-5f, 10000f,
                RopeLayout.ADJACENT_PAIRS), c);
        assertTrue(stories.tiedClassifier());
    }

    /** The float32 blocks in an order, each tensor's values appended. */
    private static final class Floats {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void ints(int... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) b.putInt(v);
            bytes.writeBytes(b.array());
        }

        void tensor(FloatTensor t) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < t.size(); i++) b.putFloat(t.get(i));
            bytes.writeBytes(b.array());
        }

        void perLayer(LlamaWeights w, String suffix) {
            for (int l = 0; l < w.config().layers(); l++) tensor(w.tensor(LlamaWeights.layer(l, suffix)));
        }
    }

    private static void legacyBody(Floats f, LlamaWeights w) {
        f.tensor(w.tensor(LlamaWeights.EMBED));
        for (String s : new String[] {LlamaWeights.ATTN_NORM, LlamaWeights.Q, LlamaWeights.K, LlamaWeights.V,
            LlamaWeights.O, LlamaWeights.MLP_NORM, LlamaWeights.GATE, LlamaWeights.DOWN, LlamaWeights.UP}) {
            f.perLayer(w, s);
        }
        f.tensor(w.tensor(LlamaWeights.FINAL_NORM));
    }

    @Test
    void legacyLayout_rewrittenFromReadWeights_byteIdenticalToFile() throws IOException {
        byte[] original = Files.readAllBytes(SharedModel.checkpoint());
        Floats f = new Floats();
        f.ints(64, 172, 5, 8, 4, 512, 512);
        legacyBody(f, stories);
        byte[] rewritten = f.bytes.toByteArray();
        assertEquals(1040156, rewritten.length); // the README's offset of freq_cis_real
        assertArrayEquals(Arrays.copyOf(original, rewritten.length), rewritten);
    }

    @Test
    void read_legacyNegativeVocab_separateClassifier() throws IOException {
        FloatTensor head = randomMatrix(512, 64, 3);
        Floats f = new Floats();
        f.ints(64, 172, 5, 8, 4, -512, 512);
        legacyBody(f, stories);
        f.tensor(new FloatTensor(new int[] {512 * 8}, new float[512 * 8])); // the two RoPE tables
        f.tensor(head);
        Path file = dir.resolve("untied.bin");
        Files.write(file, f.bytes.toByteArray());
        LlamaWeights w = Llama2cCheckpoint.read(file);
        assertFalse(w.tiedClassifier());
        assertEquals(512, w.config().vocabSize());
        assertEquals(head, w.classifier());
        assertEquals(stories.tensor(LlamaWeights.EMBED), w.tensor(LlamaWeights.EMBED));
    }

    @Test
    void read_version1_sameWeightsAsLegacy() throws IOException {
        Floats f = new Floats();
        f.ints(0x616b3432, 1, 64, 172, 5, 8, 4, 512, 512);
        f.bytes.write(1); // shared classifier
        f.bytes.writeBytes(new byte[256 - 37]);
        f.perLayer(stories, LlamaWeights.ATTN_NORM);
        f.perLayer(stories, LlamaWeights.MLP_NORM);
        f.tensor(stories.tensor(LlamaWeights.FINAL_NORM));
        f.tensor(stories.tensor(LlamaWeights.EMBED));
        for (String s : new String[] {LlamaWeights.Q, LlamaWeights.K, LlamaWeights.V, LlamaWeights.O,
            LlamaWeights.GATE, LlamaWeights.DOWN, LlamaWeights.UP}) {
            f.perLayer(stories, s);
        }
        Path file = dir.resolve("v1.bin");
        Files.write(file, f.bytes.toByteArray());
        assertEquals(stories, Llama2cCheckpoint.read(file));
    }

    @Test
    void read_truncated_namesByteOffset() throws IOException {
        Path file = dir.resolve("cut.bin");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(SharedModel.checkpoint()), 200_000));
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> Llama2cCheckpoint.read(file));
        assertEquals("byte 197916", e.location()); // wq starts at 132380; layer 4 of it (+4 * 64 * 64 * 4) does not fit
        assertTrue(e.getMessage().startsWith(file + ": byte 197916: file ends inside a tensor"), e.getMessage());
    }

    @Test
    void read_badHeader_oneLineError() throws IOException {
        Path file = dir.resolve("bad.bin");
        Floats f = new Floats();
        f.ints(64, 172, 5, 7, 4, 512, 512); // 64 is not a multiple of 7 heads
        Files.write(file, f.bytes.toByteArray());
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> Llama2cCheckpoint.read(file));
        assertEquals("header", e.location());
    }

    private static FloatTensor randomMatrix(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        return new FloatTensor(new int[] {rows, cols}, v);
    }
}
