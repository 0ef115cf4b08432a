package org.circuitgrammar.tracer.model;

/**
 * Which query/key elements RoPE rotates together inside a head of size {@code h}. Both use the frequency
 * {@code base^(-2i/h)} for pair {@code i}; they differ only in where the pair's two elements sit, so the same model
 * stored in one layout works in the other after permuting the rows of {@code wq} and {@code wk} within each head.
 */
public enum RopeLayout {
    /** Pair {@code i} is elements {@code (2i, 2i+1)}: llama2.c and Meta's original code. */
    ADJACENT_PAIRS,
    /** Pair {@code i} is elements {@code (i, i + h/2)}: Hugging Face's {@code rotate_half}. */
    ROTATE_HALF,
    /** No rotary embedding (GPT-2 uses learned positions). */
    NONE
}
