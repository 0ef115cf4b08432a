package org.circuitgrammar.tracer.transcoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.circuitgrammar.tracer.io.SafetensorsWriter;
import org.circuitgrammar.tracer.io.TensorDType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscoderFilesTest {
    private static final int D = 4;
    private static final int F = 6;

    @TempDir
    Path dir;

    private static SingleLayerTranscoder randomLayer(SplittableRandom rng, Activation activation, boolean skip) {
        return new SingleLayerTranscoder(TranscoderTest.gaussian(rng, F * D), TranscoderTest.gaussian(rng, F),
                TranscoderTest.gaussian(rng, F * D), TranscoderTest.gaussian(rng, D),
                skip ? TranscoderTest.gaussian(rng, D * D) : null, activation);
    }

    private static CrossLayerTranscoder randomClt(SplittableRandom rng, int layers, boolean jump) {
        float[][] enc = new float[layers][];
        float[][] benc = new float[layers][];
        float[][] dec = new float[layers][];
        float[][] bdec = new float[layers][];
        List<Activation> acts = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            enc[l] = TranscoderTest.gaussian(rng, F * D);
            benc[l] = TranscoderTest.gaussian(rng, F);
            dec[l] = TranscoderTest.gaussian(rng, F * (layers - l) * D);
            bdec[l] = TranscoderTest.gaussian(rng, D);
            acts.add(jump ? new Activation.JumpRelu(TranscoderTest.gaussian(rng, F)) : new Activation.Relu());
        }
        return new CrossLayerTranscoder(enc, benc, dec, bdec, acts);
    }

    @Test
    void write_thenRead_pltJumpReluWithSkip_equal() throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        TranscoderSet set = new TranscoderSet(List.of(
                randomLayer(rng, new Activation.JumpRelu(TranscoderTest.gaussian(rng, F)), true),
                randomLayer(rng, new Activation.JumpRelu(TranscoderTest.gaussian(rng, F)), true)));
        TranscoderFiles.write(dir, set, "stories260K", "mlp.hook_in", "hook_mlp_out");
        TranscoderFiles.Loaded loaded = TranscoderFiles.read(dir);
        assertEquals(set, loaded.transcoder());
        assertEquals(TranscoderKind.PLT, loaded.config().kind());
        assertEquals("mlp.hook_in", loaded.config().featureInputHook());
        assertNull(loaded.config().activation(), "JumpReLU is inferred from the threshold tensor");
    }

    @Test
    void write_thenRead_pltTopK_keepsK() throws IOException {
        SplittableRandom rng = new SplittableRandom(2);
        TranscoderSet set = new TranscoderSet(List.of(randomLayer(rng, new Activation.TopK(3), false)));
        TranscoderFiles.write(dir, set, "m", "hook_resid_mid", "hook_mlp_out");
        assertEquals(set, TranscoderFiles.read(dir).transcoder());
        String yaml = Files.readString(dir.resolve("config.yaml"));
        assertTrue(yaml.contains("activation: topk") && yaml.contains("k: 3")
                && yaml.contains("model_kind: transcoder_set"), yaml);
    }

    /** circuit-tracer's config may leave {@code k} out: the layer files' integer {@code k} tensor then decides. */
    @Test
    void read_topKWithKOnlyInFiles_takesKFromFiles() throws IOException {
        SplittableRandom rng = new SplittableRandom(4);
        TranscoderSet set = new TranscoderSet(List.of(randomLayer(rng, new Activation.TopK(5), false)));
        TranscoderFiles.write(dir, set, "m", "mlp.hook_in", "hook_mlp_out");
        assertEquals(org.circuitgrammar.tracer.io.TensorDType.I64, org.circuitgrammar.tracer.io.SafetensorsReader
                .read(dir.resolve("layer_0.safetensors")).storedType("k"));
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: transcoder_set\n"
                + "feature_input_hook: mlp.hook_in\nfeature_output_hook: hook_mlp_out\nactivation: topk\n");
        assertEquals(new Activation.TopK(5), TranscoderFiles.read(dir).transcoder().activation(0));
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: transcoder_set\n"
                + "feature_input_hook: mlp.hook_in\nfeature_output_hook: hook_mlp_out\nactivation: topk\nk: 4\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                org.circuitgrammar.tracer.io.InvalidModelFileException.class, () -> TranscoderFiles.read(dir));
        assertTrue(e.getMessage().contains("layer_0.safetensors") && e.getMessage().contains("k"), e.getMessage());
    }

    @Test
    void write_thenRead_cltBothActivations_equal() throws IOException {
        for (boolean jump : new boolean[] {false, true}) {
            Path sub = dir.resolve(jump ? "jump" : "relu");
            CrossLayerTranscoder clt = randomClt(new SplittableRandom(3), 3, jump);
            TranscoderFiles.write(sub, clt, "m", "hook_resid_mid", "hook_mlp_out");
            TranscoderFiles.Loaded loaded = TranscoderFiles.read(sub);
            assertEquals(clt, loaded.transcoder());
            assertEquals("cross_layer_transcoder", loaded.config().modelKind());
            assertTrue(Files.exists(sub.resolve("W_dec_2.safetensors")));
        }
    }

    /** Files made only with the safetensors writer and a YAML text, as circuit-tracer's tensor names say. */
    @Test
    void read_handMadeCircuitTracerPlt_listedFilesAndThresholds() throws IOException {
        float[] wEnc = {1, 0, 0, 1, 1, -1};
        float[] bEnc = {0, -1, 0.5f};
        float[] wDec = {1, 2, 3, 4, -1, 1};
        float[] bDec = {0.25f, -0.25f};
        float[] theta = {1.5f, 0f, 0f};
        for (String name : List.of("a/l0.safetensors", "a/l1.safetensors")) {
            new SafetensorsWriter()
                    .add("b_dec", new FloatTensor(new int[] {2}, bDec), TensorDType.BF16)
                    .add("W_enc", new FloatTensor(new int[] {3, 2}, wEnc), TensorDType.F16)
                    .add("W_dec", new FloatTensor(new int[] {3, 2}, wDec), TensorDType.F32)
                    .add("b_enc", new FloatTensor(new int[] {3}, bEnc), TensorDType.F32)
                    .add("activation_function.threshold", new FloatTensor(new int[] {3}, theta), TensorDType.F32)
                    .write(dir.resolve(name));
        }
        Files.writeString(dir.resolve("config.yaml"), String.join("\n",
                "model_name: \"meta-llama/Llama-3.2-1B\"",
                "model_kind: transcoder_set",
                "feature_input_hook: hook_resid_mid",
                "feature_output_hook: hook_mlp_out",
                "transcoders:",
                "  - a/l0.safetensors",
                "  - a/l1.safetensors",
                ""), StandardCharsets.UTF_8);
        TranscoderFiles.Loaded loaded = TranscoderFiles.read(dir);
        Transcoder t = loaded.transcoder();
        assertEquals(2, t.layerCount());
        assertEquals(new Activation.JumpRelu(theta), t.activation(1));
        // h = [2, 2, -0.5]; θ = [1.5, 0, 0] → a = [2, 2, 0]; ŷ = [8.25, 11.75] (hand-computed)
        float[] x = {2, 3};
        assertArrayEquals(new float[] {2, 2, 0}, t.encode(1, x, 1));
        assertArrayEquals(new float[] {8.25f, 11.75f}, t.reconstruct(new float[][] {x, x}, 1)[1]);
        assertFalse(t.hasSkip());
    }

    @Test
    void read_handMadeCircuitTracerClt_decoderSlicesByOutputLayer() throws IOException {
        // L = 2, d = 2, F = 1: feature 0 of layer 0 writes [1,2] to layer 0 and [3,4] to layer 1
        new SafetensorsWriter()
                .add("W_enc_0", new FloatTensor(new int[] {1, 2}, new float[] {1, 1}), TensorDType.F32)
                .add("b_enc_0", new FloatTensor(new int[] {1}, new float[] {0}), TensorDType.F32)
                .add("b_dec_0", new FloatTensor(new int[] {2}, new float[] {0, 0}), TensorDType.F32)
                .write(dir.resolve("W_enc_0.safetensors"));
        new SafetensorsWriter()
                .add("W_dec_0", new FloatTensor(new int[] {1, 2, 2}, new float[] {1, 2, 3, 4}), TensorDType.F32)
                .write(dir.resolve("W_dec_0.safetensors"));
        new SafetensorsWriter()
                .add("W_enc_1", new FloatTensor(new int[] {1, 2}, new float[] {0, 1}), TensorDType.F32)
                .add("b_enc_1", new FloatTensor(new int[] {1}, new float[] {0}), TensorDType.F32)
                .add("b_dec_1", new FloatTensor(new int[] {2}, new float[] {10, 10}), TensorDType.F32)
                .add("threshold_1", new FloatTensor(new int[] {1}, new float[] {5}), TensorDType.F32)
                .write(dir.resolve("W_enc_1.safetensors"));
        new SafetensorsWriter()
                .add("W_dec_1", new FloatTensor(new int[] {1, 1, 2}, new float[] {-1, -1}), TensorDType.F32)
                .write(dir.resolve("W_dec_1.safetensors"));
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: cross_layer_transcoder\n"
                + "feature_input_hook: hook_resid_mid\nfeature_output_hook: hook_mlp_out\n");
        Transcoder t = TranscoderFiles.read(dir).transcoder();
        assertEquals(new Activation.Relu(), t.activation(0));
        assertEquals(new Activation.JumpRelu(new float[] {5}), t.activation(1));
        // layer 0: a0 = 1+2 = 3; layer 1: h1 = 4 ≤ 5 → 0. ŷ0 = 3·[1,2]; ŷ1 = 3·[3,4] + [10,10]
        float[][] y = t.reconstruct(new float[][] {{1, 2}, {7, 4}}, 1);
        assertArrayEquals(new float[] {3, 6}, y[0]);
        assertArrayEquals(new float[] {19, 22}, y[1]);
    }

    @Test
    void read_missingTensor_namesFileAndTensor() throws IOException {
        new SafetensorsWriter()
                .add("W_enc", new FloatTensor(new int[] {3, 2}, new float[6]), TensorDType.F32)
                .add("b_enc", new FloatTensor(new int[] {3}, new float[3]), TensorDType.F32)
                .add("b_dec", new FloatTensor(new int[] {2}, new float[2]), TensorDType.F32)
                .write(dir.resolve("layer_0.safetensors"));
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: transcoder_set\n"
                + "feature_input_hook: hook_resid_mid\nfeature_output_hook: hook_mlp_out\n");
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> TranscoderFiles.read(dir));
        assertEquals(dir.resolve("layer_0.safetensors") + ": W_dec: missing tensor", e.getMessage());
    }

    @Test
    void read_wrongShape_namesTensorAndShapes() throws IOException {
        new SafetensorsWriter()
                .add("W_enc", new FloatTensor(new int[] {2, 3}, new float[6]), TensorDType.F32)
                .add("b_enc", new FloatTensor(new int[] {3}, new float[3]), TensorDType.F32)
                .add("W_dec", new FloatTensor(new int[] {3, 2}, new float[6]), TensorDType.F32)
                .add("b_dec", new FloatTensor(new int[] {2}, new float[2]), TensorDType.F32)
                .write(dir.resolve("layer_0.safetensors"));
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: transcoder_set\n"
                + "feature_input_hook: hook_resid_mid\nfeature_output_hook: hook_mlp_out\n");
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> TranscoderFiles.read(dir));
        assertTrue(e.getMessage().endsWith("W_enc: expected shape [3, 2], got [2, 3]"), e.getMessage());
    }

    @Test
    void readConfig_badKindOrMissingKey_pointsAtKey() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: sae\n"
                + "feature_input_hook: hook_resid_mid\nfeature_output_hook: hook_mlp_out\n");
        InvalidModelFileException kind = assertThrows(InvalidModelFileException.class,
                () -> TranscoderFiles.readConfig(dir));
        assertEquals("$.model_kind", kind.location());
        Files.writeString(dir.resolve("config.yaml"), "model_name: m\nmodel_kind: transcoder_set\n");
        assertEquals("$.feature_input_hook", assertThrows(InvalidModelFileException.class,
                () -> TranscoderFiles.readConfig(dir)).location());
        Files.writeString(dir.resolve("config.yaml"), "model_name: [unclosed\n");
        assertTrue(assertThrows(InvalidModelFileException.class, () -> TranscoderFiles.readConfig(dir))
                .getMessage().contains("not YAML"));
    }

    @Test
    void readConfig_noFolder_saysNoSuchFile() {
        assertTrue(assertThrows(InvalidModelFileException.class,
                () -> TranscoderFiles.readConfig(dir.resolve("absent"))).getMessage().endsWith("no such file"));
    }
}
