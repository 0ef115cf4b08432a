package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.circuitgrammar.tracer.io.SafetensorsFile;
import org.circuitgrammar.tracer.io.SafetensorsReader;
import org.circuitgrammar.tracer.io.TensorDType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stories260K exported as an HF Llama folder: same weights back, same logits under HF's rotate-half RoPE. */
class HfLlamaFormatTest {
    private static final int[] PROMPT = {1, 274, 287, 381, 261, 352, 266, 268, 388, 426, 346, 298, 412, 360, 265, 268, 388, 267};
    private static LlamaWeights llama2c;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        llama2c = Llama2cCheckpoint.read(SharedModel.checkpoint());
    }

    @Test
    void withRopeLayout_oneHeadOfEight_movesRowsAsHfPermute() {
        // HF permute: w.view(heads, h/2, 2, in).transpose(1, 2): new row j*h/2 + i takes old row 2i + j
        ModelConfig c = new ModelConfig(Architecture.LLAMA, 8, 4, 1, 1, 1, 3, 4, 1e-5f, 10000f, RopeLayout.ADJACENT_PAIRS);
        Map<String, FloatTensor> t = new java.util.HashMap<>();
        for (Map.Entry<String, int[]> e : LlamaWeights.expectedShapes(c, false).entrySet()) {
            int[] shape = e.getValue();
            int size = 1;
            for (int s : shape) size *= s;
            float[] data = new float[size];
            if (shape.length == 2) for (int r = 0; r < shape[0]; r++) for (int k = 0; k < shape[1]; k++) data[r * shape[1] + k] = r;
            t.put(e.getKey(), new FloatTensor(shape, data));
        }
        LlamaWeights hf = new LlamaWeights(c, t).withRopeLayout(RopeLayout.ROTATE_HALF);
        FloatTensor q = hf.tensor(LlamaWeights.layer(0, LlamaWeights.Q));
        float[] firstColumn = new float[8];
        for (int r = 0; r < 8; r++) firstColumn[r] = q.get(r * 8);
        assertArrayEquals(new float[] {0, 2, 4, 6, 1, 3, 5, 7}, firstColumn);
        assertEquals(new LlamaWeights(c, t), hf.withRopeLayout(RopeLayout.ADJACENT_PAIRS));
    }

    @Test
    void write_thenRead_sameWeightsAndLogitsAsLlama2c() throws IOException {
        HfLlamaFormat.write(llama2c, dir, TensorDType.F32);
        LlamaWeights hf = HfLlamaFormat.read(dir);
        assertEquals(RopeLayout.ROTATE_HALF, hf.config().ropeLayout());
        assertTrue(hf.tiedClassifier());
        assertEquals(llama2c, hf.withRopeLayout(RopeLayout.ADJACENT_PAIRS));
        // the q rows really moved: the HF file is not the llama2.c layout under another name
        assertFalse(hf.tensor(LlamaWeights.layer(0, LlamaWeights.Q)).equals(llama2c.tensor(LlamaWeights.layer(0, LlamaWeights.Q))));
        try (LlamaModel a = new LlamaModel(llama2c); LlamaModel b = new LlamaModel(hf)) {
            float[][] expected = a.run(PROMPT).logits();
            float[][] actual = b.run(PROMPT).logits();
            // 1e-5 relative to the logit's size: the permuted q/k rows change float32 summation order inside q·k
            double worstAbsolute = 0;
            for (int p = 0; p < PROMPT.length; p++) {
                for (int v = 0; v < expected[p].length; v++) {
                    double diff = Math.abs(expected[p][v] - actual[p][v]);
                    worstAbsolute = Math.max(worstAbsolute, diff);
                    assertTrue(diff <= 1e-5 * Math.max(1, Math.abs(expected[p][v])), "position " + p + " id " + v + ": " + diff);
                }
            }
            assertTrue(worstAbsolute < 5e-5, "worst absolute logit difference " + worstAbsolute);
        }
    }

    @Test
    void write_configAndTensorNames_followHfLlama() throws IOException {
        HfLlamaFormat.write(llama2c, dir, TensorDType.F32);
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertEquals("LlamaForCausalLM", config.get("architectures").get(0).asText());
        assertEquals(64, config.get("hidden_size").asInt());
        assertEquals(172, config.get("intermediate_size").asInt());
        assertEquals(5, config.get("num_hidden_layers").asInt());
        assertEquals(8, config.get("num_attention_heads").asInt());
        assertEquals(4, config.get("num_key_value_heads").asInt());
        assertEquals(1e-5, config.get("rms_norm_eps").asDouble(), 0);
        assertTrue(config.get("tie_word_embeddings").asBoolean());
        SafetensorsFile file = SafetensorsReader.read(dir.resolve("model.safetensors"));
        assertEquals(1 + 5 * 9 + 1, file.names().size());
        assertTrue(file.contains("model.layers.4.mlp.down_proj.weight"));
        assertFalse(file.contains("lm_head.weight"));
        assertEquals("pt", file.metadata().get("format"));
    }

    @Test
    void write_bf16_readsBackAsRoundedWeights() throws IOException {
        HfLlamaFormat.write(llama2c, dir, TensorDType.BF16);
        LlamaWeights hf = HfLlamaFormat.read(dir).withRopeLayout(RopeLayout.ADJACENT_PAIRS);
        for (String name : llama2c.names()) {
            FloatTensor original = llama2c.tensor(name);
            FloatTensor read = hf.tensor(name);
            for (int i = 0; i < original.size(); i++) {
                assertEquals(TensorDType.bf16ToFloat(TensorDType.floatToBf16(original.get(i))), read.get(i), 0f, name);
            }
        }
    }

    private static LlamaWeights withSeparateHead() {
        Map<String, FloatTensor> t = new java.util.LinkedHashMap<>();
        for (String name : llama2c.names()) t.put(name, llama2c.tensor(name));
        float[] head = llama2c.tensor(LlamaWeights.EMBED).toArray();
        for (int i = 0; i < head.length; i++) head[i] = -head[i] * 0.5f;
        t.put(LlamaWeights.LM_HEAD, new FloatTensor(new int[] {512, 64}, head));
        return new LlamaWeights(llama2c.config(), t);
    }

    @Test
    void write_separateHead_keptUntied() throws IOException {
        LlamaWeights untied = withSeparateHead();
        HfLlamaFormat.write(untied, dir, TensorDType.F32);
        assertFalse(new ObjectMapper().readTree(dir.resolve("config.json").toFile()).get("tie_word_embeddings").asBoolean());
        LlamaWeights read = HfLlamaFormat.read(dir);
        assertFalse(read.tiedClassifier());
        assertEquals(untied, read.withRopeLayout(RopeLayout.ADJACENT_PAIRS));
    }

    @Test
    void read_shardedFolder_sameAsSingleFile() throws IOException {
        HfLlamaFormat.write(llama2c, dir, TensorDType.F32);
        SafetensorsFile whole = SafetensorsReader.read(dir.resolve("model.safetensors"));
        Files.delete(dir.resolve("model.safetensors"));
        org.circuitgrammar.tracer.io.SafetensorsWriter first = new org.circuitgrammar.tracer.io.SafetensorsWriter();
        org.circuitgrammar.tracer.io.SafetensorsWriter second = new org.circuitgrammar.tracer.io.SafetensorsWriter();
        StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
        int i = 0;
        for (String name : whole.names()) {
            String shard = i % 2 == 0 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
            (i % 2 == 0 ? first : second).add(name, whole.tensor(name), TensorDType.F32);
            index.append(i == 0 ? "" : ", ").append('"').append(name).append("\": \"").append(shard).append('"');
            i++;
        }
        first.write(dir.resolve("model-00001-of-00002.safetensors"));
        second.write(dir.resolve("model-00002-of-00002.safetensors"));
        Files.writeString(dir.resolve("model.safetensors.index.json"), index.append("}}").toString());
        assertEquals(llama2c, HfLlamaFormat.read(dir).withRopeLayout(RopeLayout.ADJACENT_PAIRS));
    }

    @Test
    void read_ropeScaling_rejectedWithJsonPath() throws IOException {
        HfLlamaFormat.write(llama2c, dir, TensorDType.F32);
        Path config = dir.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"model_type\"", "\"rope_scaling\": {\"type\": \"linear\"}, \"model_type\""));
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> HfLlamaFormat.read(dir));
        assertEquals(config + ": $.rope_scaling: RoPE scaling is not supported", e.getMessage());
    }
}
