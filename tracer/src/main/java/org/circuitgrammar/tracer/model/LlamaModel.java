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
 * <p>Memory: weights live in one root manager owned by the model; each {@link #run} opens a sub-manager in
 * try-with-resources, so nothing but Java arrays outlives the call. Cost per run O(layers · T · (d² + d·hidden) +
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
    }

    private NDArray load(FloatTensor t) {
        return weights.create(t.toArray(), new Shape(toLong(t.shape())));
    }

    /** An {@code [out, in]} matrix stored as {@code [in, out]}, so that {@code x.matMul(w)} applies it to rows. */
    private NDArray loadTransposed(FloatTensor t) {
        NDArray m = load(t);
        NDArray transposed = m.transpose().duplicate();
        m.close();
        return transposed;
    }

    private static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) out[i] = shape[i];
        return out;
    }

    @Override
    public ModelConfig config() { return config; }

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
            NDArray x = residualAfterBlocks(tokens, TraceRecorder.silent(tokens, config), step);
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
        Rope rope = new Rope(step, t, config.headSize(), config.ropeTheta(), config.ropeLayout());
        for (int l = 0; l < config.layers(); l++) {
            NDArray scale = rmsScale(x);
            recorder.beforeAttention(l, x, scale);
            NDArray n1 = x.div(scale).mul(attnNorm[l]);
            NDArray q = rope.apply(n1.matMul(wqT[l]).reshape(t, config.heads(), config.headSize()));
            NDArray k = rope.apply(n1.matMul(wkT[l]).reshape(t, config.kvHeads(), config.headSize()));
            NDArray v = n1.matMul(wvT[l]).reshape(t, config.kvHeads(), config.headSize());
            CausalAttention.Result attention = CausalAttention.attend(q, k, v, step);
            x = x.add(attention.output().matMul(woT[l]));
            NDArray scale2 = rmsScale(x);
            recorder.afterAttention(l, attention.pattern(), x, scale2);
            NDArray n2 = x.div(scale2).mul(mlpNorm[l]);
            NDArray gate = n2.matMul(w1T[l]);
            NDArray hidden = gate.div(gate.neg().exp().add(1f)).mul(n2.matMul(w3T[l])); // silu(gate) * up
            x = x.add(recorder.mlp(l, n2, hidden.matMul(w2T[l]), step));
        }
        return x;
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
