package org.circuitgrammar.tracer.model;

import java.util.Arrays;

/**
 * Everything one forward pass recorded: the tokens, per layer the activations at every {@link Hook}, the attention
 * patterns and the norm denominators (what the attribution's linearisation freezes), and the logits.
 *
 * <p>Immutable: every accessor returns a fresh copy. Activations are {@code [positions][dim]}; the {@code flat}
 * accessors give the same values row-major in one array. {@link Hook#MLP_OUT} is what was added to the residual
 * stream, i.e. the replacement when an {@link MlpReplacement} replaced that layer.
 */
public final class ForwardTrace {
    private final int[] tokens;
    private final int dim;
    private final int heads;
    private final int vocabSize;
    private final boolean layerNorm;
    private final float[][] residPre;
    private final float[][] residMid;
    private final float[][] mlpIn;
    private final float[][] mlpOut;
    private final float[] residFinal;
    private final float[] logits;
    private final float[][] attentionPatterns;
    private final float[][] attentionNormScales;
    private final float[][] mlpNormScales;
    private final float[] finalNormScale;

    /** Takes ownership of the arrays (models build them fresh for each trace). Per-layer arrays are [layer][...]. */
    ForwardTrace(int[] tokens, ModelConfig config, float[][] residPre, float[][] residMid, float[][] mlpIn,
                 float[][] mlpOut, float[] residFinal, float[] logits, float[][] attentionPatterns,
                 float[][] attentionNormScales, float[][] mlpNormScales, float[] finalNormScale) {
        this.tokens = tokens.clone();
        this.dim = config.dim();
        this.heads = config.heads();
        this.vocabSize = config.vocabSize();
        this.layerNorm = config.architecture() == Architecture.GPT2;
        this.residPre = residPre;
        this.residMid = residMid;
        this.mlpIn = mlpIn;
        this.mlpOut = mlpOut;
        this.residFinal = residFinal;
        this.logits = logits;
        this.attentionPatterns = attentionPatterns;
        this.attentionNormScales = attentionNormScales;
        this.mlpNormScales = mlpNormScales;
        this.finalNormScale = finalNormScale;
    }

    public int[] tokens() { return tokens.clone(); }

    public int positions() { return tokens.length; }

    public int layers() { return residPre.length; }

    public int dim() { return dim; }

    public int vocabSize() { return vocabSize; }

    /** The activations at {@code hook} in {@code layer}, {@code [positions][dim]}. */
    public float[][] activations(Hook hook, int layer) {
        return rows(flatActivations(hook, layer), dim);
    }

    /** The activations at {@code hook} in {@code layer}, row-major {@code positions * dim}. */
    public float[] flatActivations(Hook hook, int layer) {
        return source(hook, layer).clone();
    }

    /** One position's activation vector at {@code hook} in {@code layer}. */
    public float[] activation(Hook hook, int layer, int position) {
        return Arrays.copyOfRange(source(hook, layer), position * dim, (position + 1) * dim);
    }

    private float[] source(Hook hook, int layer) {
        return switch (hook) {
            case MLP_NORMALIZED -> normalized(residMid[layer], mlpNormScales[layer]);
            case RESID_PRE -> residPre[layer];
            case RESID_MID -> residMid[layer];
            case MLP_IN -> mlpIn[layer];
            case MLP_OUT -> mlpOut[layer];
            case RESID_POST -> layer + 1 < residPre.length ? residPre[layer + 1] : checkLast(layer);
        };
    }

    /**
     * {@code (x − mean(x)) / scale} per row for LayerNorm, {@code x / scale} for RMSNorm: a norm's output before its
     * weight, computed in double from the recorded residual and denominator (a fresh array).
     */
    private float[] normalized(float[] x, float[] scales) {
        float[] out = new float[x.length];
        for (int p = 0; p < scales.length; p++) {
            double mean = 0;
            if (layerNorm) {
                for (int i = 0; i < dim; i++) mean += x[p * dim + i];
                mean /= dim;
            }
            for (int i = 0; i < dim; i++) out[p * dim + i] = (float) ((x[p * dim + i] - mean) / scales[p]);
        }
        return out;
    }

    private float[] checkLast(int layer) {
        if (layer != residPre.length - 1) throw new IndexOutOfBoundsException("layer " + layer);
        return residFinal;
    }

    /** The residual stream after the last block, before the final norm, {@code [positions][dim]}. */
    public float[][] finalResidual() { return rows(residFinal.clone(), dim); }

    /** Logits at {@code position} ({@code vocabSize} values). */
    public float[] logits(int position) {
        return Arrays.copyOfRange(logits, position * vocabSize, (position + 1) * vocabSize);
    }

    /** Logits at every position, {@code [positions][vocabSize]}. */
    public float[][] logits() { return rows(logits.clone(), vocabSize); }

    /**
     * The post-softmax attention pattern of {@code head} in {@code layer}: {@code [query][key]}, zero above the
     * diagonal (causal), each row summing to 1.
     */
    public float[][] attentionPattern(int layer, int head) {
        if (head < 0 || head >= heads) throw new IndexOutOfBoundsException("head " + head);
        int p = tokens.length;
        return rows(Arrays.copyOfRange(attentionPatterns[layer], head * p * p, (head + 1) * p * p), p);
    }

    /**
     * The denominator of the norm before attention in {@code layer}, per position: {@code sqrt(mean(x²) + eps)} for
     * RMSNorm, {@code sqrt(var(x) + eps)} for LayerNorm (TransformerLens {@code ln1.hook_scale}).
     */
    public float[] attentionNormScale(int layer) { return attentionNormScales[layer].clone(); }

    /** The denominator of the norm before the MLP in {@code layer}, per position ({@code ln2.hook_scale}). */
    public float[] mlpNormScale(int layer) { return mlpNormScales[layer].clone(); }

    /** The denominator of the final norm, per position ({@code ln_final.hook_scale}). */
    public float[] finalNormScale() { return finalNormScale.clone(); }

    /**
     * The mean cross-entropy (natural log) of predicting {@code tokens[p+1]} from the logits at {@code p}, over
     * {@code p = 0 .. positions-2}; computed in double with a log-sum-exp. NaN for a single-token sequence.
     */
    public double meanNextTokenLoss() {
        int n = tokens.length - 1;
        if (n <= 0) return Double.NaN;
        double total = 0;
        for (int p = 0; p < n; p++) {
            int base = p * vocabSize;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocabSize; v++) max = Math.max(max, logits[base + v]);
            double sum = 0;
            for (int v = 0; v < vocabSize; v++) sum += Math.exp(logits[base + v] - max);
            total += max + Math.log(sum) - logits[base + tokens[p + 1]];
        }
        return total / n;
    }

    private static float[][] rows(float[] flat, int width) {
        float[][] out = new float[flat.length / width][];
        for (int r = 0; r < out.length; r++) out[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        return out;
    }
}
