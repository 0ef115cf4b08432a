package org.circuitgrammar.tracer.model;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Autoregressive generation as {@code run.c} does it: feed the prompt, then repeatedly append the sampled next token,
 * stopping after {@code newTokens} tokens, when the sampled token is BOS (id 1, which {@code run.c} treats as the
 * start of a new sequence and does not print), or when the context is full (the last token appended need not fit:
 * it is never fed). Tokens go through the model's {@link Decoder} one at a time, as in {@code run.c}: with a KV cache
 * each step costs one position.
 */
public final class Generator {
    private Generator() {}

    /**
     * @param prompt   the prompt ids, BOS first (at least one id)
     * @param onToken  receives each generated id as it is chosen (not the stopping BOS)
     * @return prompt ids followed by the generated ids
     */
    public static int[] generate(LanguageModel model, int[] prompt, int newTokens, TokenSampler sampler,
                                 IntConsumer onToken) {
        if (prompt.length == 0) throw new IllegalArgumentException("empty prompt: give at least BOS");
        if (newTokens < 0) throw new IllegalArgumentException("negative number of new tokens");
        int[] ids = Arrays.copyOf(prompt, prompt.length + newTokens);
        int length = prompt.length;
        try (Decoder decoder = model.newDecoder()) {
            float[] logits = null;
            for (int token : prompt) logits = decoder.next(token);
            while (length < ids.length && length <= model.config().maxSeqLen()) {
                if (decoder.position() < length) logits = decoder.next(ids[length - 1]);
                int next = sampler.sample(logits);
                if (next == Llama2cTokenizer.BOS) break;
                ids[length++] = next;
                onToken.accept(next);
            }
        }
        return Arrays.copyOf(ids, length);
    }
}
