package org.circuitgrammar.tracer.model;

/**
 * Feeds a sequence one token at a time and returns the next-token logits after each, as {@code run.c}'s
 * {@code forward(token, pos)} does. Implementations may keep the keys and values of earlier positions (a KV cache)
 * in native memory: close the decoder. Not thread-safe.
 */
public interface Decoder extends AutoCloseable {
    /**
     * Feeds {@code token} at position {@link #position()} and advances.
     *
     * @return the logits for the following position ({@code vocabSize} values)
     * @throws IllegalArgumentException for an id outside the vocabulary or when the context is full
     */
    float[] next(int token);

    /** How many tokens have been fed. */
    int position();

    @Override
    void close();
}
