package org.circuitgrammar.tracer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.tracer.io.FloatTensor;

/**
 * GPT-2 on DJL (PyTorch, CPU, float32): {@code x = wte[t] + wpe[p]}; per block
 * {@code x += c_proj(attn(c_attn(ln_1(x))))} and {@code x += mlp.c_proj(gelu_new(c_fc(ln_2(x))))}; logits
 * {@code = ln_f(x) · wteᵀ}. LayerNorm is {@code (x - mean) / sqrt(var + eps) * w + b}; {@code gelu_new(x) =
 * 0.5x(1 + tanh(sqrt(2/π)(x + 0.044715x³)))}. Conv1D weights are {@code [in, out]}, applied as {@code x · W + b}.
 *
 * <p>Tensor names are HF's {@code GPT2Model} names without the {@code transformer.} prefix: {@code wte.weight},
 * {@code wpe.weight}, {@code h.{i}.ln_1.weight|bias}, {@code h.{i}.attn.c_attn.weight|bias},
 * {@code h.{i}.attn.c_proj.weight|bias}, {@code h.{i}.ln_2.weight|bias}, {@code h.{i}.mlp.c_fc.weight|bias},
 * {@code h.{i}.mlp.c_proj.weight|bias}, {@code ln_f.weight|bias}. Memory as {@link LlamaModel}.
 */
public final class Gpt2Model implements LanguageModel {
    private static final float GELU_COEFFICIENT = (float) Math.sqrt(2 / Math.PI);

    private final ModelConfig config;
    private final NDManager weights;
    private final float[] wte;
    private final float[] wpe;
    private final NDArray[][] block; // per layer, in the order of BLOCK_TENSORS
    private final NDArray lnFinalWeight;
    private final NDArray lnFinalBias;
    private final NDArray unembed;

    private static final String[] BLOCK_TENSORS = {
        "ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight",
        "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight",
        "mlp.c_proj.bias"};
    private static final int LN1_W = 0, LN1_B = 1, QKV_W = 2, QKV_B = 3, PROJ_W = 4, PROJ_B = 5, LN2_W = 6,
            LN2_B = 7, FC_W = 8, FC_B = 9, FC_PROJ_W = 10, FC_PROJ_B = 11;

    /**
     * @param tensors every tensor named in the class comment (shapes checked)
     * @throws IllegalArgumentException naming a missing or mis-shaped tensor
     */
    public Gpt2Model(ModelConfig config, Map<String, FloatTensor> tensors) {
        if (config.architecture() != Architecture.GPT2) throw new IllegalArgumentException("not a GPT-2 config");
        Map<String, int[]> expected = expectedShapes(config);
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            FloatTensor t = tensors.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("missing tensor " + e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has shape " + Arrays.toString(t.shape())
                        + ", expected " + Arrays.toString(e.getValue()));
            }
        }
        this.config = config;
        this.weights = DjlEngine.newManager();
        this.wte = tensors.get("wte.weight").toArray();
        this.wpe = tensors.get("wpe.weight").toArray();
        this.block = new NDArray[config.layers()][BLOCK_TENSORS.length];
        for (int l = 0; l < config.layers(); l++) {
            for (int i = 0; i < BLOCK_TENSORS.length; i++) {
                block[l][i] = load(tensors.get("h." + l + "." + BLOCK_TENSORS[i]));
            }
        }
        lnFinalWeight = load(tensors.get("ln_f.weight"));
        lnFinalBias = load(tensors.get("ln_f.bias"));
        unembed = load(tensors.get("wte.weight").transposed()); // made in Java: a native transpose is a view
        // that would keep the untransposed storage alive
        weights.cap(); // temporaries must land in a step's sub-manager
    }

    /** Every tensor name this model reads, with its shape. */
    static Map<String, int[]> expectedShapes(ModelConfig c) {
        int d = c.dim();
        int f = c.hiddenDim();
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("wte.weight", new int[] {c.vocabSize(), d});
        m.put("wpe.weight", new int[] {c.maxSeqLen(), d});
        int[][] shapes = {{d}, {d}, {d, 3 * d}, {3 * d}, {d, d}, {d}, {d}, {d}, {d, f}, {f}, {f, d}, {d}};
        for (int l = 0; l < c.layers(); l++) {
            for (int i = 0; i < BLOCK_TENSORS.length; i++) m.put("h." + l + "." + BLOCK_TENSORS[i], shapes[i]);
        }
        m.put("ln_f.weight", new int[] {d});
        m.put("ln_f.bias", new int[] {d});
        return m;
    }

    private NDArray load(FloatTensor t) {
        long[] shape = new long[t.rank()];
        for (int i = 0; i < shape.length; i++) shape[i] = t.dim(i);
        return weights.create(t.toArray(), new Shape(shape));
    }

    @Override
    public ModelConfig config() { return config; }

    /** From the native weights; the value projection is the last third of {@code c_attn}. O(parameters). */
    @Override
    public LinearWeights linearWeights() {
        int layers = config.layers();
        int d = config.dim();
        float[][][] parts = new float[8][layers][];
        for (int l = 0; l < layers; l++) {
            NDArray[] w = block[l];
            float[] qkv = w[QKV_W].toFloatArray();
            float[] value = new float[d * d];
            for (int r = 0; r < d; r++) System.arraycopy(qkv, r * 3 * d + 2 * d, value, r * d, d);
            parts[0][l] = w[LN1_W].toFloatArray();
            parts[1][l] = w[LN1_B].toFloatArray();
            parts[2][l] = value;
            parts[3][l] = Arrays.copyOfRange(w[QKV_B].toFloatArray(), 2 * d, 3 * d);
            parts[4][l] = w[PROJ_W].toFloatArray();
            parts[5][l] = w[PROJ_B].toFloatArray();
            parts[6][l] = w[LN2_W].toFloatArray();
            parts[7][l] = w[LN2_B].toFloatArray();
        }
        return new LinearWeights(config, true, wte.clone(), wpe.clone(), parts[0], parts[1], parts[2], parts[3],
                parts[4], parts[5], parts[6], parts[7], lnFinalWeight.toFloatArray(), lnFinalBias.toFloatArray(),
                unembed.toFloatArray());
    }

    /** Elements held in native memory (each weight once; for the memory test). */
    long nativeWeightElements() {
        return weights.getManagedArrays().stream().mapToLong(NDArray::size).sum();
    }

    @Override
    public ForwardTrace run(int[] tokens, MlpReplacement replacement) {
        TokenChecks.check(tokens, config);
        TraceRecorder recorder = TraceRecorder.recording(tokens, config, replacement);
        try (NDManager step = weights.newSubManager()) {
            NDArray x = residualAfterBlocks(tokens, recorder, step);
            NDArray centred = x.sub(x.mean(new int[] {-1}, true));
            NDArray finalScale = layerNormScale(centred);
            NDArray logits = centred.div(finalScale).mul(lnFinalWeight).add(lnFinalBias).matMul(unembed);
            return recorder.finish(x, logits, finalScale);
        }
    }

    /** Runs the blocks without recording anything and unembeds the last position only. */
    @Override
    public float[] lastLogits(int[] tokens) {
        TokenChecks.check(tokens, config);
        try (NDManager step = weights.newSubManager()) {
            NDArray x = residualAfterBlocks(tokens, TraceRecorder.silent(config), step);
            NDArray last = x.get((long) tokens.length - 1).reshape(1, config.dim());
            NDArray centred = last.sub(last.mean(new int[] {-1}, true));
            return centred.div(layerNormScale(centred)).mul(lnFinalWeight).add(lnFinalBias).matMul(unembed)
                    .toFloatArray();
        }
    }

    /** Embeddings and every block: the residual stream {@code [T, d]} before {@code ln_f}, in {@code step}. */
    private NDArray residualAfterBlocks(int[] tokens, TraceRecorder recorder, NDManager step) {
        int t = tokens.length;
        int d = config.dim();
        int heads = config.heads();
        int hs = config.headSize();
        float[] x0 = new float[t * d];
        for (int p = 0; p < t; p++) {
            for (int i = 0; i < d; i++) x0[p * d + i] = wte[tokens[p] * d + i] + wpe[p * d + i];
        }
        NDArray x = step.create(x0, new Shape(t, d));
        for (int l = 0; l < config.layers(); l++) {
            NDArray[] w = block[l];
            NDArray centred = x.sub(x.mean(new int[] {-1}, true));
            NDArray scale = layerNormScale(centred);
            recorder.beforeAttention(l, x, scale);
            NDArray n1 = centred.div(scale).mul(w[LN1_W]).add(w[LN1_B]);
            NDArray qkv = n1.matMul(w[QKV_W]).add(w[QKV_B]);
            NDArray q = qkv.get(":, 0:" + d).reshape(t, heads, hs);
            NDArray k = qkv.get(":, " + d + ":" + 2 * d).reshape(t, heads, hs);
            NDArray v = qkv.get(":, " + 2 * d + ":").reshape(t, heads, hs);
            CausalAttention.Result attention = CausalAttention.attend(q, k, v, step);
            x = x.add(attention.output().matMul(w[PROJ_W]).add(w[PROJ_B]));
            NDArray centred2 = x.sub(x.mean(new int[] {-1}, true));
            NDArray scale2 = layerNormScale(centred2);
            recorder.afterAttention(l, attention.pattern(), x, scale2);
            NDArray n2 = centred2.div(scale2).mul(w[LN2_W]).add(w[LN2_B]);
            NDArray h = n2.matMul(w[FC_W]).add(w[FC_B]);
            NDArray inner = h.add(h.pow(3f).mul(0.044715f)).mul(GELU_COEFFICIENT);
            NDArray gelu = h.mul(inner.tanh().add(1f)).mul(0.5f);
            x = x.add(recorder.mlp(l, n2, gelu.matMul(w[FC_PROJ_W]).add(w[FC_PROJ_B]), step));
        }
        return x;
    }

    /** {@code sqrt(var + eps)} per row of already-centred rows, {@code [T, 1]}. */
    private NDArray layerNormScale(NDArray centred) {
        return centred.square().mean(new int[] {-1}, true).add(config.normEps()).sqrt();
    }

    @Override
    public void close() {
        weights.close();
    }
}
