package org.circuitgrammar.tracer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.circuitgrammar.tracer.io.SafetensorsWriter;
import org.circuitgrammar.tracer.io.TensorDType;

/**
 * Hugging Face {@code LlamaForCausalLM} folders: {@code config.json} + safetensors with HF tensor names. HF applies
 * RoPE with {@code rotate_half}, so weights read from such a folder keep their rows and get
 * {@link RopeLayout#ROTATE_HALF}; {@link #write} converts weights in llama2.c's adjacent-pair layout first, permuting
 * q/k rows exactly as HF's conversion script does ({@link LlamaWeights#withRopeLayout}).
 *
 * <p>Supported: {@code hidden_act} silu, no {@code rope_scaling}, no attention/MLP biases, {@code head_dim} equal to
 * {@code hidden_size / num_attention_heads}. Anything else is an {@link InvalidModelFileException} naming the field.
 */
public final class HfLlamaFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HfLlamaFormat() {}

    /** Whether {@code config} describes a Llama model. */
    static boolean isLlama(JsonNode config) {
        return "llama".equals(config.path("model_type").asText());
    }

    /** Reads the folder {@code dir}. */
    public static LlamaWeights read(Path dir) throws IOException {
        Path configFile = dir.resolve(HfFolder.CONFIG);
        JsonNode c = HfFolder.readConfig(dir);
        if (!isLlama(c)) throw new InvalidModelFileException(configFile, "$.model_type", "not \"llama\"");
        if (!"silu".equals(c.path("hidden_act").asText("silu"))) {
            throw new InvalidModelFileException(configFile, "$.hidden_act", "only silu is supported");
        }
        if (c.hasNonNull("rope_scaling")) {
            throw new InvalidModelFileException(configFile, "$.rope_scaling", "RoPE scaling is not supported");
        }
        for (String bias : new String[] {"attention_bias", "mlp_bias"}) {
            if (c.path(bias).asBoolean(false)) throw new InvalidModelFileException(configFile, "$." + bias, "biases are not supported");
        }
        int dim = HfFolder.intField(configFile, c, "hidden_size", null);
        int heads = HfFolder.intField(configFile, c, "num_attention_heads", null);
        if (HfFolder.intField(configFile, c, "head_dim", dim / heads) != dim / heads) {
            throw new InvalidModelFileException(configFile, "$.head_dim", "must equal hidden_size / num_attention_heads");
        }
        ModelConfig config;
        try {
            config = new ModelConfig(Architecture.LLAMA, dim,
                    HfFolder.intField(configFile, c, "intermediate_size", null),
                    HfFolder.intField(configFile, c, "num_hidden_layers", null), heads,
                    HfFolder.intField(configFile, c, "num_key_value_heads", heads),
                    HfFolder.intField(configFile, c, "vocab_size", null),
                    HfFolder.intField(configFile, c, "max_position_embeddings", 2048),
                    HfFolder.floatField(configFile, c, "rms_norm_eps", 1e-6f),
                    HfFolder.floatField(configFile, c, "rope_theta", 10000f), RopeLayout.ROTATE_HALF);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(configFile, "$", e.getMessage(), e);
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        boolean tied = c.path("tie_word_embeddings").asBoolean(false);
        for (Map.Entry<String, FloatTensor> e : HfFolder.readTensors(dir).entrySet()) {
            String name = e.getKey();
            if (name.endsWith("rotary_emb.inv_freq")) continue; // a buffer older exports saved; recomputed
            if (tied && name.equals(LlamaWeights.LM_HEAD)) continue;
            tensors.put(name, e.getValue());
        }
        try {
            return new LlamaWeights(config, tensors);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(dir.resolve(HfFolder.WEIGHTS), "", e.getMessage(), e);
        }
    }

    /**
     * Writes {@code weights} as an HF Llama folder: {@code config.json} and {@code model.safetensors} (tensors in
     * {@code type}, {@code lm_head.weight} omitted when tied, as {@code save_pretrained} does). Each file is written
     * atomically.
     */
    public static void write(LlamaWeights weights, Path dir, TensorDType type) throws IOException {
        LlamaWeights hf = weights.withRopeLayout(RopeLayout.ROTATE_HALF);
        ModelConfig c = hf.config();
        Files.createDirectories(dir);
        SafetensorsWriter writer = new SafetensorsWriter().metadata("format", "pt");
        for (String name : hf.names()) writer.add(name, hf.tensor(name), type);
        writer.write(dir.resolve(HfFolder.WEIGHTS));
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add("LlamaForCausalLM");
        config.put("model_type", "llama");
        config.put("hidden_size", c.dim());
        config.put("intermediate_size", c.hiddenDim());
        config.put("num_hidden_layers", c.layers());
        config.put("num_attention_heads", c.heads());
        config.put("num_key_value_heads", c.kvHeads());
        config.put("head_dim", c.headSize());
        config.put("vocab_size", c.vocabSize());
        config.put("max_position_embeddings", c.maxSeqLen());
        config.put("rms_norm_eps", Double.parseDouble(Float.toString(c.normEps()))); // 1e-05, not 9.99e-06
        config.put("rope_theta", Double.parseDouble(Float.toString(c.ropeTheta())));
        config.put("hidden_act", "silu");
        config.put("attention_bias", false);
        config.put("mlp_bias", false);
        config.put("tie_word_embeddings", hf.tiedClassifier());
        config.put("bos_token_id", Llama2cTokenizer.BOS);
        config.put("eos_token_id", Llama2cTokenizer.EOS);
        config.put("torch_dtype", type == TensorDType.F32 ? "float32" : type == TensorDType.F16 ? "float16" : "bfloat16");
        byte[] json = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(dir.resolve(HfFolder.CONFIG), out -> out.write(json));
    }
}
