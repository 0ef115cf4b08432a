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
        int t = tokens.length;
        int d = config.dim();
        int layers = config.layers();
        float[][] residPre = new float[layers][];
        float[][] residMid = new float[layers][];
        float[][] mlpIn = new float[layers][];
        float[][] mlpOut = new float[layers][];
        float[][] patterns = new float[layers][];
        float[][] attnScales = new float[layers][];
        float[][] mlpScales = new float[layers][];
        try (NDManager step = weights.newSubManager()) {
            float[] x0 = new float[t * d];
            for (int p = 0; p < t; p++) System.arraycopy(embedding, tokens[p] * d, x0, p * d, d);
            NDArray x = step.create(x0, new Shape(t, d));
            Rope rope = new Rope(step, t, config.headSize(), config.ropeTheta(), config.ropeLayout());
            for (int l = 0; l < layers; l++) {
                residPre[l] = x.toFloatArray();
                NDArray scale = rmsScale(x);
                attnScales[l] = scale.toFloatArray();
                NDArray n1 = x.div(scale).mul(attnNorm[l]);
                NDArray q = rope.apply(n1.matMul(wqT[l]).reshape(t, config.heads(), config.headSize()));
                NDArray k = rope.apply(n1.matMul(wkT[l]).reshape(t, config.kvHeads(), config.headSize()));
                NDArray v = n1.matMul(wvT[l]).reshape(t, config.kvHeads(), config.headSize());
                CausalAttention.Result attention = CausalAttention.attend(q, k, v, step);
                patterns[l] = attention.pattern().toFloatArray();
                x = x.add(attention.output().matMul(woT[l]));
                residMid[l] = x.toFloatArray();
                NDArray scale2 = rmsScale(x);
                mlpScales[l] = scale2.toFloatArray();
                NDArray n2 = x.div(scale2).mul(mlpNorm[l]);
                NDArray gate = n2.matMul(w1T[l]);
                NDArray hidden = gate.div(gate.neg().exp().add(1f)).mul(n2.matMul(w3T[l])); // silu(gate) * up
                NDArray out = hidden.matMul(w2T[l]);
                mlpIn[l] = n2.toFloatArray();
                mlpOut[l] = out.toFloatArray();
                float[] replaced = replacement.replace(l, mlpIn[l].clone(), mlpOut[l].clone());
                if (replaced != null) {
                    if (replaced.length != t * d) {
                        throw new IllegalArgumentException("replacement for layer " + l + " has " + replaced.length
                                + " values, expected " + t * d);
                    }
                    mlpOut[l] = replaced.clone();
                    out = step.create(mlpOut[l], new Shape(t, d));
                }
                x = x.add(out);
            }
            float[] residFinal = x.toFloatArray();
            NDArray finalScale = rmsScale(x);
            float[] logits = x.div(finalScale).mul(finalNorm).matMul(classifierT).toFloatArray();
            return new ForwardTrace(tokens, config, residPre, residMid, mlpIn, mlpOut, residFinal, logits, patterns,
                    attnScales, mlpScales, finalScale.toFloatArray());
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
