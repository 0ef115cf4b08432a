package org.circuitgrammar.tracer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.circuitgrammar.tracer.io.FloatTensor;

/**
 * A Llama decoder on DJL (PyTorch, CPU, float32): per block {@code x += Wo·attn(rope(Wq·n1), rope(Wk·n1), Wv·n1)} and
 * {@code x += W2·(silu(W1·n2) ⊙ W3·n2)} with {@code n = x · w / sqrt(mean(x²) + eps)}, then
 * {@code logits = Wcls · rmsnorm(x)}. This is {@code run.c}'s forward pass, evaluated for all positions at once.
 *
 * <p>Memory: weights live in one capped root manager owned by the model; each {@link #run} and decoder step opens a
 * sub-manager in try-with-resources, so nothing but Java arrays outlives the call. Cost per run O(layers · T · (d² + d·hidden) +
 * layers · T² · d + T · vocab · d).
 */
public final class LlamaModel implements LanguageModel {
    private final ModelConfig config;
    private final NDManager weights;
    private final float[] embedding;
    private final NDArray[] attnNorm;
    private final NDArray[] wqT;
    private final NDArray[] wkT;
    private final NDArray[] wvT;
    private final NDArray[] woT;
    private final NDArray[] mlpNorm;
    private final NDArray[] w1T;
    private final NDArray[] w2T;
    private final NDArray[] w3T;
    private final NDArray finalNorm;
    private final NDArray classifierT;

    /** Copies {@code w} into native memory. */
    public LlamaModel(LlamaWeights w) {
        this.config = w.config();
        this.weights = DjlEngine.newManager();
        int layers = config.layers();
        this.embedding = w.tensor(LlamaWeights.EMBED).toArray();
        attnNorm = new NDArray[layers];
        wqT = new NDArray[layers];
        wkT = new NDArray[layers];
        wvT = new NDArray[layers];
        woT = new NDArray[layers];
        mlpNorm = new NDArray[layers];
        w1T = new NDArray[layers];
        w2T = new NDArray[layers];
        w3T = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            attnNorm[l] = load(w.tensor(LlamaWeights.layer(l, LlamaWeights.ATTN_NORM)));
            wqT[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.Q)));
            wkT[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.K)));
            wvT[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.V)));
            woT[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.O)));
            mlpNorm[l] = load(w.tensor(LlamaWeights.layer(l, LlamaWeights.MLP_NORM)));
            w1T[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.GATE)));
            w2T[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.DOWN)));
            w3T[l] = loadTransposed(w.tensor(LlamaWeights.layer(l, LlamaWeights.UP)));
        }
        finalNorm = load(w.tensor(LlamaWeights.FINAL_NORM));
        classifierT = loadTransposed(w.classifier());
        weights.cap(); // from now on a temporary landing here (instead of in a step's sub-manager) is an exception
    }

    private NDArray load(FloatTensor t) {
        return weights.create(t.toArray(), new Shape(toLong(t.shape())));
    }

    /**
     * An {@code [out, in]} matrix stored as {@code [in, out]}, so that {@code x.matMul(w)} applies it to rows. The
     * transpose is made in Java: a native transpose is a view that keeps the untransposed storage alive.
     */
    private NDArray loadTransposed(FloatTensor t) {
        return load(t.transposed());
    }

    private static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) out[i] = shape[i];
        return out;
    }

    @Override
    public ModelConfig config() { return config; }

    /** From the native weights ({@code toFloatArray} copies out without creating arrays). O(parameters). */
    @Override
    public LinearWeights linearWeights() {
        int layers = config.layers();
        float[][] attn = new float[layers][];
        float[][] value = new float[layers][];
        float[][] output = new float[layers][];
        float[][] mlp = new float[layers][];
        for (int l = 0; l < layers; l++) {
            attn[l] = attnNorm[l].toFloatArray();
            value[l] = wvT[l].toFloatArray();
            output[l] = woT[l].toFloatArray();
            mlp[l] = mlpNorm[l].toFloatArray();
        }
        float[][] none = new float[layers][];
        return new LinearWeights(config, false, embedding.clone(), null, attn, none, value, none, output, none, mlp,
                none, finalNorm.toFloatArray(), null, classifierT.toFloatArray());
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
            NDArray finalScale = rmsScale(x);
            NDArray logits = x.div(finalScale).mul(finalNorm).matMul(classifierT);
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
            return last.div(rmsScale(last)).mul(finalNorm).matMul(classifierT).toFloatArray();
        }
    }

    /** Embedding and every block: the residual stream {@code [T, d]} before the final norm, in {@code step}. */
    private NDArray residualAfterBlocks(int[] tokens, TraceRecorder recorder, NDManager step) {
        int t = tokens.length;
        int d = config.dim();
        float[] x0 = new float[t * d];
        for (int p = 0; p < t; p++) System.arraycopy(embedding, tokens[p] * d, x0, p * d, d);
        NDArray x = step.create(x0, new Shape(t, d));
        Rope rope = new Rope(step, 0, t, config.headSize(), config.ropeTheta(), config.ropeLayout());
        for (int l = 0; l < config.layers(); l++) x = block(l, x, rope, recorder, null, step);
        return x;
    }

    /**
     * Block {@code layer} on the rows {@code x} (the last positions of the sequence); with a cache, the keys and
     * values of earlier positions come from it and this step's are appended.
     */
    private NDArray block(int layer, NDArray x, Rope rope, TraceRecorder recorder, KvCache cache, NDManager step) {
        long t = x.getShape().get(0);
        NDArray scale = rmsScale(x);
        recorder.beforeAttention(layer, x, scale);
        NDArray n1 = x.div(scale).mul(attnNorm[layer]);
        NDArray q = rope.apply(n1.matMul(wqT[layer]).reshape(t, config.heads(), config.headSize()));
        NDArray k = rope.apply(n1.matMul(wkT[layer]).reshape(t, config.kvHeads(), config.headSize()));
        NDArray v = n1.matMul(wvT[layer]).reshape(t, config.kvHeads(), config.headSize());
        if (cache != null) {
            k = cache.appendKeys(layer, k, step);
            v = cache.appendValues(layer, v, step);
        }
        CausalAttention.Result attention = CausalAttention.attend(q, k, v, step);
        NDArray mid = x.add(attention.output().matMul(woT[layer]));
        NDArray scale2 = rmsScale(mid);
        recorder.afterAttention(layer, attention.pattern(), mid, scale2);
        NDArray n2 = mid.div(scale2).mul(mlpNorm[layer]);
        NDArray gate = n2.matMul(w1T[layer]);
        NDArray hidden = gate.div(gate.neg().exp().add(1f)).mul(n2.matMul(w3T[layer])); // silu(gate) * up
        return mid.add(recorder.mlp(layer, n2, hidden.matMul(w2T[layer]), step));
    }

    /** A decoder with a KV cache: each step costs one position's worth of work plus attention over the cache. */
    @Override
    public Decoder newDecoder() {
        return new CachedDecoder();
    }

    private final class CachedDecoder implements Decoder {
        private final KvCache cache = new KvCache(weights, config);
        private final TraceRecorder silent = TraceRecorder.silent(config);
        private int position;

        @Override
        public float[] next(int token) {
            if (position >= config.maxSeqLen()) {
                throw new IllegalArgumentException("context of " + config.maxSeqLen() + " positions is full");
            }
            if (token < 0 || token >= config.vocabSize()) {
                throw new IllegalArgumentException("token " + token + " is outside the vocabulary of " + config.vocabSize());
            }
            int d = config.dim();
            try (NDManager step = weights.newSubManager()) {
                float[] row = java.util.Arrays.copyOfRange(embedding, token * d, (token + 1) * d);
                NDArray x = step.create(row, new Shape(1, d));
                Rope rope = new Rope(step, position, 1, config.headSize(), config.ropeTheta(), config.ropeLayout());
                for (int l = 0; l < config.layers(); l++) x = block(l, x, rope, silent, cache, step);
                position++;
                return x.div(rmsScale(x)).mul(finalNorm).matMul(classifierT).toFloatArray();
            }
        }

        @Override
        public int position() { return position; }

        @Override
        public void close() {
            cache.close();
        }
    }

    /** {@code sqrt(mean(x²) + eps)} per row, shape {@code [T, 1]}. */
    private NDArray rmsScale(NDArray x) {
        return x.square().mean(new int[] {-1}, true).add(config.normEps()).sqrt();
    }

    @Override
    public void close() {
        weights.close();
    }
}
