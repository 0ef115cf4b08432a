package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** stories260K against the ids and logits {@code run.c} produced ({@code reference_greedy.json}). */
class LlamaModelTest {
    private static final double LOGIT_TOLERANCE = 1e-4;
    private static LlamaModel model;
    private static Llama2cTokenizer tokenizer;
    private static JsonNode runs;

    @BeforeAll
    static void load() throws IOException {
        LlamaWeights weights = Llama2cCheckpoint.read(SharedModel.checkpoint());
        model = new LlamaModel(weights);
        tokenizer = Llama2cTokenizer.read(SharedModel.tokenizer(), weights.config().vocabSize());
        runs = new ObjectMapper().readTree(SharedModel.referenceGreedy().toFile()).get("runs");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    @Test
    void encode_everyReferencePrompt_equalsRunCIds() {
        for (JsonNode run : runs) {
            assertArrayEquals(ints(run.get("prompt_ids")), tokenizer.encode(run.get("prompt").asText(), true, false),
                    run.get("prompt").asText());
        }
    }

    @Test
    void generate_everyReferencePrompt_equalsRunCTokenForToken() {
        for (JsonNode run : runs) {
            int[] prompt = ints(run.get("prompt_ids"));
            int[] expected = ints(run.get("generated_ids"));
            int newTokens = run.get("steps").asInt() - (prompt.length - 1);
            List<Integer> streamed = new ArrayList<>();
            int[] all = Generator.generate(model, prompt, newTokens, TokenSampler.greedy(), streamed::add);
            int[] generated = java.util.Arrays.copyOfRange(all, prompt.length, all.length);
            assertArrayEquals(expected, generated, run.get("run_c_command").asText());
            assertEquals(expected.length, streamed.size());
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < all.length; i++) text.append(tokenizer.printable(all[i - 1], all[i]));
            assertEquals(run.get("decoded_text").asText(), text.toString());
        }
    }

    @Test
    void run_teacherForcedReferenceIds_top5LogitsWithinTolerance() {
        for (JsonNode run : runs) {
            int[] fed = ints(run.get("all_ids"));
            ForwardTrace trace = model.run(fed);
            JsonNode top5 = run.get("top5_per_position");
            double worst = 0;
            for (int p = 0; p < top5.size(); p++) {
                float[] logits = trace.logits(p);
                for (JsonNode pair : top5.get(p)) {
                    worst = Math.max(worst, Math.abs(logits[pair.get(0).asInt()] - pair.get(1).asDouble()));
                }
                assertEquals(top5.get(p).get(0).get(0).asInt(), TokenSampler.greedy().sample(logits), "argmax at " + p);
            }
            assertTrue(worst <= LOGIT_TOLERANCE, "worst top-5 logit error " + worst);
        }
    }

    @Test
    void run_promptPositions_all512LogitsWithinTolerance() {
        int checked = 0;
        for (JsonNode run : runs) {
            JsonNode full = run.get("logits_per_position");
            if (full == null) continue;
            ForwardTrace trace = model.run(ints(run.get("prompt_ids")));
            for (int p = 0; p < full.size(); p++) {
                float[] logits = trace.logits(p);
                assertEquals(full.get(p).size(), logits.length);
                for (int v = 0; v < logits.length; v++) {
                    assertEquals(full.get(p).get(v).asDouble(), logits[v], LOGIT_TOLERANCE, "position " + p + " id " + v);
                    checked++;
                }
            }
        }
        assertEquals(512 * (5 + 18), checked);
    }
}
