package org.circuitgrammar.tracer.model;

import java.util.Objects;

/**
 * The shape of a decoder-only transformer.
 *
 * @param architecture the family
 * @param dim          residual stream width {@code d}
 * @param hiddenDim    MLP hidden width
 * @param layers       number of blocks
 * @param heads        query heads
 * @param kvHeads      key/value heads (grouped-query attention: query head {@code h} reads kv head
 *                     {@code h / (heads / kvHeads)})
 * @param vocabSize    vocabulary size
 * @param maxSeqLen    longest context the model accepts
 * @param normEps      the epsilon inside RMSNorm / LayerNorm
 * @param ropeTheta    RoPE base (ignored when {@code ropeLayout} is NONE)
 * @param ropeLayout   which elements RoPE pairs up
 */
public record ModelConfig(Architecture architecture, int dim, int hiddenDim, int layers, int heads, int kvHeads,
                          int vocabSize, int maxSeqLen, float normEps, float ropeTheta, RopeLayout ropeLayout) {
    public ModelConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(ropeLayout, "ropeLayout");
        if (dim <= 0 || hiddenDim <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || vocabSize <= 0 || maxSeqLen <= 0) {
            throw new IllegalArgumentException("model dimensions must be positive: " + describe(dim, hiddenDim, layers,
                    heads, kvHeads, vocabSize, maxSeqLen));
        }
        if (dim % heads != 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("dim must be a multiple of heads, heads of kvHeads: "
                    + describe(dim, hiddenDim, layers, heads, kvHeads, vocabSize, maxSeqLen));
        }
        if (ropeLayout != RopeLayout.NONE && (dim / heads) % 2 != 0) {
            throw new IllegalArgumentException("RoPE needs an even head size, got " + dim / heads);
        }
        if (!(normEps > 0)) throw new IllegalArgumentException("normEps must be positive");
    }

    private static String describe(int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocab, int seq) {
        return "dim=" + dim + " hidden=" + hiddenDim + " layers=" + layers + " heads=" + heads + " kvHeads=" + kvHeads
                + " vocab=" + vocab + " seq=" + seq;
    }

    /** {@code dim / heads}. */
    public int headSize() { return dim / heads; }

    /** Width of the key and value vectors: {@code kvHeads * headSize}. */
    public int kvDim() { return kvHeads * headSize(); }

    /** A copy with another RoPE layout (after the q/k rows were permuted accordingly). */
    public ModelConfig withRopeLayout(RopeLayout layout) {
        return new ModelConfig(architecture, dim, hiddenDim, layers, heads, kvHeads, vocabSize, maxSeqLen, normEps,
                ropeTheta, layout);
    }
}
