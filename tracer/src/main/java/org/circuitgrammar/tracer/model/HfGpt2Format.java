package org.circuitgrammar.tracer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;

/**
 * Hugging Face GPT-2 folders ({@code model_type} "gpt2"): {@code config.json} ({@code n_embd}, {@code n_layer},
 * {@code n_head}, {@code n_positions}, {@code vocab_size}, {@code n_inner} or 4·n_embd, {@code layer_norm_epsilon},
 * {@code activation_function} "gelu_new") and safetensors with {@code GPT2Model} names, with or without the
 * {@code transformer.} prefix of {@code GPT2LMHeadModel}; the causal-mask buffers ({@code attn.bias},
 * {@code attn.masked_bias}) and a tied {@code lm_head.weight} are ignored.
 */
public final class HfGpt2Format {
    private HfGpt2Format() {}

    static boolean isGpt2(JsonNode config) {
        return "gpt2".equals(config.path("model_type").asText());
    }

    /** The model's config from {@code dir/config.json}. */
    public static ModelConfig readConfig(Path dir) throws IOException {
        Path file = dir.resolve(HfFolder.CONFIG);
        JsonNode c = HfFolder.readConfig(dir);
        if (!isGpt2(c)) throw new InvalidModelFileException(file, "$.model_type", "not \"gpt2\"");
        String activation = c.path("activation_function").asText("gelu_new");
        if (!activation.equals("gelu_new")) {
            throw new InvalidModelFileException(file, "$.activation_function", "only gelu_new is supported, got " + activation);
        }
        int dim = HfFolder.intField(file, c, "n_embd", null);
        try {
            return new ModelConfig(Architecture.GPT2, dim, HfFolder.intField(file, c, "n_inner", 4 * dim),
                    HfFolder.intField(file, c, "n_layer", null), HfFolder.intField(file, c, "n_head", null),
                    HfFolder.intField(file, c, "n_head", null), HfFolder.intField(file, c, "vocab_size", null),
                    HfFolder.intField(file, c, "n_positions", null),
                    HfFolder.floatField(file, c, "layer_norm_epsilon", 1e-5f), 0f, RopeLayout.NONE);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(file, "$", e.getMessage(), e);
        }
    }

    /** Loads the folder into a model (the caller closes it). */
    public static Gpt2Model load(Path dir) throws IOException {
        ModelConfig config = readConfig(dir);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : HfFolder.readTensors(dir).entrySet()) {
            String name = e.getKey().startsWith("transformer.") ? e.getKey().substring("transformer.".length()) : e.getKey();
            if (name.endsWith("attn.bias") && e.getValue().rank() == 4 || name.endsWith("attn.masked_bias")
                    || name.equals("lm_head.weight")) {
                continue;
            }
            tensors.put(name, e.getValue());
        }
        try {
            return new Gpt2Model(config, tensors);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(dir.resolve(HfFolder.WEIGHTS), "", e.getMessage(), e);
        }
    }
}
