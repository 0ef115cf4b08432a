package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * The frozen network against the real models' own forward passes (its affine form reproduces the recorded hooks and
 * logits), the adjoint identity {@code <pullBack(s), x> = <s, pushForward(x)>} in float64, and the native weight
 * memory (each weight held once).
 */
class LinearisedModelTest {
    private static final int[] LLAMA_TOKENS = {1, 403, 407, 261, 378, 432, 383, 286, 261, 376};
    private static final int[] GPT2_TOKENS = {3, 17, 17, 0, 39, 8, 21, 5, 11};

    private static NDArray rows(NDManager m, float[] values, int p, int d, DataType type) {
        return m.create(values, new Shape(1, p, d)).toType(type, false);
    }

    /** Embedding rows (and, with the constants, positions and biases) plus the recorded MLP outputs give the trace. */
    private static void assertReproducesTrace(LanguageModel model, int[] tokens, Hook hook) {
        ForwardTrace trace = model.run(tokens);
        LinearWeights w = model.linearWeights();
        int p = tokens.length;
        int d = model.config().dim();
        float[] embedding = new float[p * d];
        for (int q = 0; q < p; q++) System.arraycopy(w.tokenVector(tokens[q]), 0, embedding, q * d, d);
        try (NDManager m = DjlEngine.newManager();
             LinearisedModel lin = new LinearisedModel(w, trace, hook, null, DataType.FLOAT64, m)) {
            NDArray[] out = new NDArray[trace.layers()];
            for (int l = 0; l < out.length; l++) out[l] = rows(m, trace.flatActivations(Hook.MLP_OUT, l), p, d, DataType.FLOAT64);
            LinearisedModel.Pushed pushed = lin.pushForward(m, rows(m, embedding, p, d, DataType.FLOAT64), out, 1, true);
            for (int l = 0; l < out.length; l++) {
                double[] got = pushed.transcoderInputs()[l].toDoubleArray();
                float[] want = trace.flatActivations(hook, l);
                for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-4 * (1 + Math.abs(want[i])), "layer " + l);
            }
            NDArray unembed = m.create(w.unembedding, new Shape(d, model.config().vocabSize())).toType(DataType.FLOAT64, false);
            double[] logits = pushed.finalNormed().matMul(unembed).toDoubleArray();
            float[][] want = trace.logits();
            for (int q = 0; q < p; q++) {
                for (int v = 0; v < want[q].length; v++) assertEquals(want[q][v], logits[q * want[q].length + v], 1e-4 * (1 + Math.abs(want[q][v])));
            }
        }
    }

    @Test
    void pushForwardWithConstants_llama_reproducesMlpInputsAndLogits() throws IOException {
        try (LlamaModel model = new LlamaModel(Llama2cCheckpoint.read(SharedModel.checkpoint()))) {
            assertReproducesTrace(model, LLAMA_TOKENS, Hook.MLP_IN);
            assertReproducesTrace(model, LLAMA_TOKENS, Hook.MLP_NORMALIZED);
        }
    }

    @Test
    void pushForwardWithConstants_gpt2_reproducesMlpInputsAndLogits() {
        try (Gpt2Model model = new Gpt2Model(Gpt2ModelTest.config(), Gpt2ModelTest.randomWeights(11))) {
            assertReproducesTrace(model, GPT2_TOKENS, Hook.MLP_IN);
            assertReproducesTrace(model, GPT2_TOKENS, Hook.MLP_NORMALIZED);
            assertReproducesTrace(model, GPT2_TOKENS, Hook.RESID_MID);
        }
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** With random skips, random inputs x and random seeds s: the transpose really is the transpose. */
    private static void assertAdjoint(LanguageModel model, int[] tokens, Hook hook) {
        ForwardTrace trace = model.run(tokens);
        int layers = trace.layers();
        int p = tokens.length;
        int d = model.config().dim();
        int b = 3;
        SplittableRandom r = new SplittableRandom(5);
        float[][] skips = new float[layers][];
        for (int l = 0; l < layers; l++) {
            skips[l] = new float[d * d];
            for (int i = 0; i < d * d; i++) skips[l][i] = (float) (r.nextGaussian() * 0.2);
        }
        try (NDManager m = DjlEngine.newManager();
             LinearisedModel lin = new LinearisedModel(model.linearWeights(), trace, hook, skips, DataType.FLOAT64, m)) {
            Shape shape = new Shape(b, p, d);
            double[] embedding = gaussian(r, b * p * d);
            double[][] added = new double[layers][];
            double[][] seeds = new double[layers][];
            NDArray[] addedArrays = new NDArray[layers];
            NDArray[] seedArrays = new NDArray[layers];
            for (int l = 0; l < layers; l++) {
                added[l] = gaussian(r, b * p * d);
                seeds[l] = gaussian(r, b * p * d);
                addedArrays[l] = m.create(added[l], shape);
                seedArrays[l] = m.create(seeds[l], shape);
            }
            double[] finalSeed = gaussian(r, b * p * d);
            LinearisedModel.Pushed pushed = lin.pushForward(m, m.create(embedding, shape), addedArrays, b, false);
            LinearisedModel.Pulled pulled = lin.pullBack(m, m.create(finalSeed, shape), seedArrays, layers - 1, b);
            double forward = dot(finalSeed, pushed.finalNormed().toDoubleArray());
            double backward = dot(embedding, pulled.embedding().toDoubleArray());
            for (int l = 0; l < layers; l++) {
                forward += dot(seeds[l], pushed.transcoderInputs()[l].toDoubleArray());
                backward += dot(added[l], pulled.mlpOutputs()[l].toDoubleArray());
            }
            assertEquals(forward, backward, 1e-9 * Math.abs(forward), hook.toString());
        }
    }

    @Test
    void pullBack_isTransposeOfPushForward_llamaGqaAndGpt2LayerNorm() throws IOException {
        try (LlamaModel llama = new LlamaModel(Llama2cCheckpoint.read(SharedModel.checkpoint()))) {
            assertEquals(true, llama.config().heads() > llama.config().kvHeads(), "stories260K uses grouped queries");
            for (Hook h : new Hook[] {Hook.MLP_IN, Hook.MLP_NORMALIZED, Hook.RESID_MID}) assertAdjoint(llama, LLAMA_TOKENS, h);
        }
        try (Gpt2Model gpt2 = new Gpt2Model(Gpt2ModelTest.config(), Gpt2ModelTest.randomWeights(12))) {
            for (Hook h : new Hook[] {Hook.MLP_IN, Hook.MLP_NORMALIZED}) assertAdjoint(gpt2, GPT2_TOKENS, h);
        }
    }

    /** Transposed weights used to leave their untransposed native view alive; now each weight is held once. */
    @Test
    void nativeWeights_eachWeightHeldOnce() throws IOException {
        try (LlamaModel llama = new LlamaModel(Llama2cCheckpoint.read(SharedModel.checkpoint()))) {
            ModelConfig c = llama.config();
            long d = c.dim();
            long perLayer = d + d * d + 2 * d * c.kvDim() + d * d + d + 3 * d * c.hiddenDim();
            assertEquals(c.layers() * perLayer + d + (long) c.vocabSize() * d, llama.nativeWeightElements());
        }
        ModelConfig c = Gpt2ModelTest.config();
        try (Gpt2Model gpt2 = new Gpt2Model(c, Gpt2ModelTest.randomWeights(13))) {
            long d = c.dim();
            long f = c.hiddenDim();
            long perLayer = 4 * d + 3 * d * d + 3 * d + d * d + d + d * f + f + f * d + d;
            assertEquals(c.layers() * perLayer + 2 * d + (long) c.vocabSize() * d, gpt2.nativeWeightElements());
        }
    }
}
