package org.circuitgrammar.tracer.model;

import java.util.Arrays;

/** A {@link Decoder} without a cache: each step runs {@link LanguageModel#lastLogits} on the whole prefix. */
final class RecomputingDecoder implements Decoder {
    private final LanguageModel model;
    private int[] tokens = new int[16];
    private int length;

    RecomputingDecoder(LanguageModel model) {
        this.model = model;
    }

    @Override
    public float[] next(int token) {
        if (length == tokens.length) tokens = Arrays.copyOf(tokens, 2 * length);
        tokens[length] = token;
        float[] logits = model.lastLogits(Arrays.copyOf(tokens, length + 1));
        length++;
        return logits;
    }

    @Override
    public int position() { return length; }

    @Override
    public void close() {}
}
