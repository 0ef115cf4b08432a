package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.SafetensorsWriter;
import org.circuitgrammar.tracer.io.TensorDType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny random GPT-2 written as an HF folder by this test, loaded through {@link ModelFiles}, and compared with a
 * plain-Java forward pass written here from the GPT-2 definition (double accumulation).
 */
class Gpt2ModelTest {
    private static final int D = 16, HEADS = 4, LAYERS = 2, VOCAB = 40, POSITIONS = 24, INNER = 48;
    private static final int[] TOKENS = {3, 17, 17, 0, 39, 8, 21, 5, 11};

    @TempDir
    Path dir;

    static Map<String, FloatTensor> randomWeights(long seed) {
        ModelConfig c = config();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, FloatTensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : Gpt2Model.expectedShapes(c).entrySet()) {
            int size = 1;
            for (int s : e.getValue()) size *= s;
            float[] data = new float[size];
            boolean gain = e.getKey().endsWith("ln_1.weight") || e.getKey().endsWith("ln_2.weight") || e.getKey().equals("ln_f.weight");
            for (int i = 0; i < size; i++) data[i] = (float) ((gain ? 1 : 0) + random.nextGaussian() * 0.3);
            m.put(e.getKey(), new FloatTensor(e.getValue(), data));
        }
        return m;
    }

    static ModelConfig config() {
        return new ModelConfig(Architecture.GPT2, D, INNER, LAYERS, HEADS, HEADS, VOCAB, POSITIONS, 1e-5f, 0f, RopeLayout.NONE);
    }

    private void writeFolder(Map<String, FloatTensor> weights, TensorDType type) throws IOException {
        SafetensorsWriter w = new SafetensorsWriter().metadata("format", "pt");
        weights.forEach((name, t) -> w.add("transformer." + name, t, type));
        w.write(dir.resolve("model.safetensors"));
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"gpt2\", \"n_embd\": " + D + ", \"n_layer\": " + LAYERS
                + ", \"n_head\": " + HEADS + ", \"n_positions\": " + POSITIONS + ", \"vocab_size\": " + VOCAB
                + ", \"n_inner\": " + INNER + ", \"layer_norm_epsilon\": 1e-05, \"activation_function\": \"gelu_new\"}");
    }

    @Test
    void run_f32Folder_matchesPlainJavaReference() throws IOException {
        Map<String, FloatTensor> weights = randomWeights(7);
        writeFolder(weights, TensorDType.F32);
        assertMatchesReference(weights);
    }

    @Test
    void run_bf16Folder_matchesReferenceOnRoundedWeights() throws IOException {
        Map<String, FloatTensor> weights = randomWeights(8);
        writeFolder(weights, TensorDType.BF16);
        Map<String, FloatTensor> rounded = new LinkedHashMap<>();
        weights.forEach((name, t) -> {
            float[] v = t.toArray();
            for (int i = 0; i < v.length; i++) v[i] = TensorDType.bf16ToFloat(TensorDType.floatToBf16(v[i]));
            rounded.put(name, new FloatTensor(t.shape(), v));
        });
        assertMatchesReference(rounded);
    }

    private void assertMatchesReference(Map<String, FloatTensor> weights) throws IOException {
        ModelFiles files = ModelFiles.locate(dir);
        assertEquals(ModelFiles.Format.HF_GPT2, files.format());
        Reference ref = new Reference(weights, TOKENS);
        try (LanguageModel model = files.load()) {
            ForwardTrace trace = model.run(TOKENS);
            assertArrayEquals(ref.logits[TOKENS.length - 1], model.lastLogits(TOKENS), 1e-4f);
            try (Decoder decoder = model.newDecoder()) {
                for (int p = 0; p < TOKENS.length; p++) assertArrayEquals(ref.logits[p], decoder.next(TOKENS[p]), 1e-4f);
            }
            for (int p = 0; p < TOKENS.length; p++) {
                assertArrayEquals(ref.logits[p], trace.logits(p), 1e-4f, "logits at " + p);
                for (int l = 0; l < LAYERS; l++) {
                    assertArrayEquals(ref.mlpIn[l][p], trace.activation(Hook.MLP_IN, l, p), 1e-4f);
                    assertArrayEquals(ref.mlpOut[l][p], trace.activation(Hook.MLP_OUT, l, p), 1e-4f);
                    assertArrayEquals(ref.residMid[l][p], trace.activation(Hook.RESID_MID, l, p), 1e-4f);
                }
            }
        }
    }

    /** GPT-2 written out in loops, double precision. */
    private static final class Reference {
        final float[][] logits;
        final float[][][] mlpIn = new float[LAYERS][][];
        final float[][][] mlpOut = new float[LAYERS][][];
        final float[][][] residMid = new float[LAYERS][][];
        private final Map<String, FloatTensor> w;

        Reference(Map<String, FloatTensor> w, int[] tokens) {
            this.w = w;
            int t = tokens.length;
            double[][] x = new double[t][D];
            for (int p = 0; p < t; p++) {
                for (int i = 0; i < D; i++) x[p][i] = at("wte.weight", tokens[p] * D + i) + at("wpe.weight", p * D + i);
            }
            int hs = D / HEADS;
            for (int l = 0; l < LAYERS; l++) {
                String b = "h." + l + ".";
                double[][] qkv = new double[t][];
                for (int p = 0; p < t; p++) qkv[p] = conv1d(layerNorm(x[p], b + "ln_1"), b + "attn.c_attn", D, 3 * D);
                double[][] heads = new double[t][D];
                for (int h = 0; h < HEADS; h++) {
                    for (int i = 0; i < t; i++) {
                        double[] scores = new double[i + 1];
                        double max = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j <= i; j++) {
                            double s = 0;
                            for (int e = 0; e < hs; e++) s += qkv[i][h * hs + e] * qkv[j][D + h * hs + e];
                            scores[j] = s / Math.sqrt(hs);
                            max = Math.max(max, scores[j]);
                        }
                        double sum = 0;
                        for (int j = 0; j <= i; j++) sum += scores[j] = Math.exp(scores[j] - max);
                        for (int j = 0; j <= i; j++) {
                            for (int e = 0; e < hs; e++) heads[i][h * hs + e] += scores[j] / sum * qkv[j][2 * D + h * hs + e];
                        }
                    }
                }
                residMid[l] = new float[t][];
                mlpIn[l] = new float[t][];
                mlpOut[l] = new float[t][];
                for (int p = 0; p < t; p++) {
                    double[] attn = conv1d(heads[p], b + "attn.c_proj", D, D);
                    for (int i = 0; i < D; i++) x[p][i] += attn[i];
                    residMid[l][p] = toFloat(x[p]);
                    double[] n2 = layerNorm(x[p], b + "ln_2");
                    mlpIn[l][p] = toFloat(n2);
                    double[] h = conv1d(n2, b + "mlp.c_fc", D, INNER);
                    for (int i = 0; i < INNER; i++) {
                        h[i] = 0.5 * h[i] * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (h[i] + 0.044715 * h[i] * h[i] * h[i])));
                    }
                    double[] out = conv1d(h, b + "mlp.c_proj", INNER, D);
                    mlpOut[l][p] = toFloat(out);
                    for (int i = 0; i < D; i++) x[p][i] += out[i];
                }
            }
            logits = new float[t][VOCAB];
            for (int p = 0; p < t; p++) {
                double[] n = layerNorm(x[p], "ln_f");
                for (int v = 0; v < VOCAB; v++) {
                    double s = 0;
                    for (int i = 0; i < D; i++) s += n[i] * at("wte.weight", v * D + i);
                    logits[p][v] = (float) s;
                }
            }
        }

        private double at(String name, int index) { return w.get(name).get(index); }

        private double[] layerNorm(double[] x, String prefix) {
            double mean = 0;
            for (double v : x) mean += v / x.length;
            double var = 0;
            for (double v : x) var += (v - mean) * (v - mean) / x.length;
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * at(prefix + ".weight", i) + at(prefix + ".bias", i);
            }
            return out;
        }

        /** HF Conv1D: weight [in, out], y = x W + b. */
        private double[] conv1d(double[] x, String prefix, int in, int out) {
            double[] y = new double[out];
            for (int o = 0; o < out; o++) {
                double s = at(prefix + ".bias", o);
                for (int i = 0; i < in; i++) s += x[i] * at(prefix + ".weight", i * out + o);
                y[o] = s;
            }
            return y;
        }

        private static float[] toFloat(double[] v) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
            return f;
        }
    }
}
