package org.circuitgrammar.tracer.model;

import java.util.Objects;

/**
 * The weights of a model that stay linear in the attribution's frozen network (spec §1.4): token embedding,
 * learned positions (GPT-2), both norms' weights and biases, the attention's value and output projections with their
 * biases, the final norm and the unembedding. Query/key weights and the MLP are absent: the attention pattern is
 * frozen and the MLP is replaced by a transcoder.
 *
 * <p>Matrices are row-major and <em>applied to rows</em>: {@code y = x · W}, so {@code W} is {@code [in, out]}.
 * Optional parts (biases, positions; all of them for Llama) are null. Instances are immutable; the arrays are owned
 * by the instance and read only by {@link LinearisedModel} (package-private access, no copies).
 */
public final class LinearWeights {
    final ModelConfig config;
    final boolean layerNorm;
    final float[] tokenEmbedding;
    final float[] positionEmbedding;
    final float[][] attnNormWeight;
    final float[][] attnNormBias;
    final float[][] value;
    final float[][] valueBias;
    final float[][] output;
    final float[][] outputBias;
    final float[][] mlpNormWeight;
    final float[][] mlpNormBias;
    final float[] finalNormWeight;
    final float[] finalNormBias;
    final float[] unembedding;

    /**
     * @param layerNorm      LayerNorm (mean subtracted) rather than RMSNorm
     * @param tokenEmbedding {@code [vocab, d]}
     * @param value          per layer {@code [d, kvDim]}
     * @param output         per layer {@code [d, d]}
     * @param unembedding    {@code [d, vocab]}
     */
    LinearWeights(ModelConfig config, boolean layerNorm, float[] tokenEmbedding, float[] positionEmbedding,
                  float[][] attnNormWeight, float[][] attnNormBias, float[][] value, float[][] valueBias,
                  float[][] output, float[][] outputBias, float[][] mlpNormWeight, float[][] mlpNormBias,
                  float[] finalNormWeight, float[] finalNormBias, float[] unembedding) {
        this.config = Objects.requireNonNull(config, "config");
        this.layerNorm = layerNorm;
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.attnNormWeight = attnNormWeight;
        this.attnNormBias = attnNormBias;
        this.value = value;
        this.valueBias = valueBias;
        this.output = output;
        this.outputBias = outputBias;
        this.mlpNormWeight = mlpNormWeight;
        this.mlpNormBias = mlpNormBias;
        this.finalNormWeight = finalNormWeight;
        this.finalNormBias = finalNormBias;
        this.unembedding = unembedding;
        int d = config.dim();
        if (tokenEmbedding.length != config.vocabSize() * d || unembedding.length != config.vocabSize() * d) {
            throw new IllegalArgumentException("embedding or unembedding is not vocab x d");
        }
        for (int l = 0; l < config.layers(); l++) {
            if (value[l].length != d * config.kvDim() || output[l].length != d * d) {
                throw new IllegalArgumentException("layer " + l + ": value or output projection has the wrong size");
            }
        }
    }

    public ModelConfig config() { return config; }

    /** The embedding row of {@code token} that enters the residual stream (a copy, length d). */
    public float[] tokenVector(int token) {
        int d = config.dim();
        return java.util.Arrays.copyOfRange(tokenEmbedding, token * d, (token + 1) * d);
    }

    /**
     * Unembedding column {@code j} minus the mean column over the whole vocabulary, in double then rounded: the
     * logit target vector {@code u_j} of spec §1.6 (the unembedding bias, if any, is ignored). O(vocab·d).
     */
    public float[] demeanedUnembedding(int token) {
        int d = config.dim();
        int vocab = config.vocabSize();
        float[] u = new float[d];
        for (int i = 0; i < d; i++) {
            double mean = 0;
            for (int v = 0; v < vocab; v++) mean += unembedding[i * vocab + v];
            u[i] = (float) (unembedding[i * vocab + token] - mean / vocab);
        }
        return u;
    }
}
