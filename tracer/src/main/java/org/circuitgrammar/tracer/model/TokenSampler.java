package org.circuitgrammar.tracer.model;

/** Picks the next token from a logit vector. Implementations may keep random state; not thread-safe. */
@FunctionalInterface
public interface TokenSampler {
    int sample(float[] logits);

    /** Argmax, the first index on a tie: {@code run.c} at temperature 0. */
    static TokenSampler greedy() {
        return logits -> {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) best = i;
            }
            return best;
        };
    }
}
