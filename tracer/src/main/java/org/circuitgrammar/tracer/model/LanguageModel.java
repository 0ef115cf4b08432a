package org.circuitgrammar.tracer.model;

/**
 * A decoder-only language model that runs on token ids and reports its activations. Implementations hold native
 * (DJL) memory: close them. Not thread-safe: one forward pass at a time.
 */
public interface LanguageModel extends AutoCloseable {
    ModelConfig config();

    /**
     * One forward pass over {@code tokens} (position 0 first, causal attention), recording every {@link Hook}, the
     * attention patterns, the norm denominators and the logits at every position.
     *
     * @throws IllegalArgumentException for an empty sequence, one longer than {@code maxSeqLen} or an id outside
     *                                  the vocabulary
     */
    default ForwardTrace run(int[] tokens) {
        return run(tokens, MlpReplacement.NONE);
    }

    /** As {@link #run(int[])}, with the MLP outputs replaced where {@code replacement} says so. */
    ForwardTrace run(int[] tokens, MlpReplacement replacement);

    /** The weights that stay linear in the attribution's frozen network, copied out of native memory once. */
    LinearWeights linearWeights();

    /** The logits at the last position of {@code tokens}; may be cheaper than {@link #run(int[])}. */
    default float[] lastLogits(int[] tokens) {
        return run(tokens).logits(tokens.length - 1);
    }

    /**
     * A decoder for feeding tokens one at a time ({@link Generator} uses it). The default re-runs the prefix at every
     * step; models with a KV cache override it.
     */
    default Decoder newDecoder() {
        return new RecomputingDecoder(this);
    }

    @Override
    void close();
}
