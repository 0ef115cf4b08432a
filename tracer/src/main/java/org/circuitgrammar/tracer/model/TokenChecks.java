package org.circuitgrammar.tracer.model;

/** The argument checks every {@link LanguageModel#run} makes on its token ids. */
final class TokenChecks {
    private TokenChecks() {}

    static void check(int[] tokens, ModelConfig config) {
        if (tokens.length == 0) throw new IllegalArgumentException("empty token sequence");
        if (tokens.length > config.maxSeqLen()) {
            throw new IllegalArgumentException(tokens.length + " tokens exceed the context of " + config.maxSeqLen());
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= config.vocabSize()) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i
                        + " is outside the vocabulary of " + config.vocabSize());
            }
        }
    }
}
