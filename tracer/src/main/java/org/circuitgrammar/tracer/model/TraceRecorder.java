package org.circuitgrammar.tracer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * What one forward pass copies out of native memory, shared by the model implementations: the hooks, patterns and
 * norm scales when recording a {@link ForwardTrace}, and the {@link MlpReplacement} splice. A recorder made with
 * {@link #silent} copies nothing and replaces nothing (the generation fast path).
 */
final class TraceRecorder {
    private final int[] tokens;
    private final ModelConfig config;
    private final MlpReplacement replacement;
    private final boolean record;
    private final float[][] residPre;
    private final float[][] residMid;
    private final float[][] mlpIn;
    private final float[][] mlpOut;
    private final float[][] patterns;
    private final float[][] attnScales;
    private final float[][] mlpScales;

    private TraceRecorder(int[] tokens, ModelConfig config, MlpReplacement replacement, boolean record) {
        this.tokens = tokens;
        this.config = config;
        this.replacement = replacement;
        this.record = record;
        int layers = config.layers();
        residPre = new float[layers][];
        residMid = new float[layers][];
        mlpIn = new float[layers][];
        mlpOut = new float[layers][];
        patterns = new float[layers][];
        attnScales = new float[layers][];
        mlpScales = new float[layers][];
    }

    static TraceRecorder recording(int[] tokens, ModelConfig config, MlpReplacement replacement) {
        return new TraceRecorder(tokens, config, replacement, true);
    }

    static TraceRecorder silent(ModelConfig config) {
        return new TraceRecorder(new int[0], config, MlpReplacement.NONE, false);
    }

    /** Block {@code layer} begins: the residual stream and the attention norm's denominator. */
    void beforeAttention(int layer, NDArray x, NDArray normScale) {
        if (!record) return;
        residPre[layer] = x.toFloatArray();
        attnScales[layer] = normScale.toFloatArray();
    }

    /** After attention: its pattern, the residual stream and the MLP norm's denominator. */
    void afterAttention(int layer, NDArray pattern, NDArray x, NDArray normScale) {
        if (!record) return;
        patterns[layer] = pattern.toFloatArray();
        residMid[layer] = x.toFloatArray();
        mlpScales[layer] = normScale.toFloatArray();
    }

    /**
     * The MLP of {@code layer} ran on {@code in} and produced {@code out}: records both, asks the replacement, and
     * returns what to add to the residual stream ({@code out}, or the replacement created in {@code step}).
     */
    NDArray mlp(int layer, NDArray in, NDArray out, NDManager step) {
        if (!record) return out;
        mlpIn[layer] = in.toFloatArray();
        mlpOut[layer] = out.toFloatArray();
        float[] replaced = replacement.replace(layer, mlpIn[layer].clone(), mlpOut[layer].clone());
        if (replaced == null) return out;
        int expected = tokens.length * config.dim();
        if (replaced.length != expected) {
            throw new IllegalArgumentException("replacement for layer " + layer + " has " + replaced.length
                    + " values, expected " + expected);
        }
        mlpOut[layer] = replaced.clone();
        return step.create(mlpOut[layer], new Shape(tokens.length, config.dim()));
    }

    ForwardTrace finish(NDArray residFinal, NDArray logits, NDArray finalScale) {
        return new ForwardTrace(tokens, config, residPre, residMid, mlpIn, mlpOut, residFinal.toFloatArray(),
                logits.toFloatArray(), patterns, attnScales, mlpScales, finalScale.toFloatArray());
    }
}
