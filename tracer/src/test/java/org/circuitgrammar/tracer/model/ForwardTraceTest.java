package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hooks of a stories260K trace against identities computed in Java, and MLP replacement. */
class ForwardTraceTest {
    private static final int[] TOKENS = {1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395};
    private static LlamaWeights weights;
    private static LlamaModel model;
    private static ForwardTrace trace;

    @BeforeAll
    static void load() throws IOException {
        weights = Llama2cCheckpoint.read(SharedModel.checkpoint());
        model = new LlamaModel(weights);
        trace = model.run(TOKENS);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void hooks_residualStreamAddsUp_exactly() {
        for (int l = 0; l < trace.layers(); l++) {
            float[] mid = trace.flatActivations(Hook.RESID_MID, l);
            float[] out = trace.flatActivations(Hook.MLP_OUT, l);
            float[] post = trace.flatActivations(Hook.RESID_POST, l);
            for (int i = 0; i < mid.length; i++) assertEquals(mid[i] + out[i], post[i], 0f, "layer " + l);
            if (l + 1 < trace.layers()) assertArrayEquals(post, trace.flatActivations(Hook.RESID_PRE, l + 1));
        }
        float[][] last = trace.activations(Hook.RESID_POST, trace.layers() - 1);
        assertArrayEquals(last, trace.finalResidual());
        float[] embedding = weights.tensor(LlamaWeights.EMBED).toArray();
        for (int p = 0; p < TOKENS.length; p++) {
            float[] row = java.util.Arrays.copyOfRange(embedding, TOKENS[p] * 64, TOKENS[p] * 64 + 64);
            assertArrayEquals(row, trace.activation(Hook.RESID_PRE, 0, p));
        }
    }

    @Test
    void mlpIn_isRmsNormOfResidMidTimesWeight() {
        for (int l = 0; l < trace.layers(); l++) {
            FloatTensor w = weights.tensor(LlamaWeights.layer(l, LlamaWeights.MLP_NORM));
            float[] scales = trace.mlpNormScale(l);
            for (int p = 0; p < TOKENS.length; p++) {
                float[] x = trace.activation(Hook.RESID_MID, l, p);
                double ms = 0;
                for (float v : x) ms += v * v / 64.0;
                double scale = Math.sqrt(ms + 1e-5);
                assertEquals(scale, scales[p], 1e-5 * scale);
                float[] in = trace.activation(Hook.MLP_IN, l, p);
                for (int i = 0; i < 64; i++) assertEquals(x[i] / scale * w.get(i), in[i], 1e-5);
            }
        }
    }

    /** TransformerLens records {@code ln2.hook_normalized} before the norm's gain: here x / rms, without w. */
    @Test
    void mlpNormalized_isResidMidOverRms_withoutGain() {
        for (int l = 0; l < trace.layers(); l++) {
            FloatTensor w = weights.tensor(LlamaWeights.layer(l, LlamaWeights.MLP_NORM));
            for (int p = 0; p < TOKENS.length; p++) {
                float[] x = trace.activation(Hook.RESID_MID, l, p);
                double ms = 0;
                for (float v : x) ms += (double) v * v / 64.0;
                double scale = Math.sqrt(ms + 1e-5);
                float[] normalized = trace.activation(Hook.MLP_NORMALIZED, l, p);
                float[] in = trace.activation(Hook.MLP_IN, l, p);
                for (int i = 0; i < 64; i++) {
                    assertEquals(x[i] / scale, normalized[i], 1e-5, "layer " + l + " pos " + p);
                    assertEquals(in[i], normalized[i] * w.get(i), 1e-5);
                }
            }
        }
        // the gains are not all 1, so the two hooks really differ
        float[] a = trace.flatActivations(Hook.MLP_IN, 0);
        float[] b = trace.flatActivations(Hook.MLP_NORMALIZED, 0);
        double diff = 0;
        for (int i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
        assertTrue(diff > 1e-2, "MLP_IN and MLP_NORMALIZED coincide: " + diff);
    }

    @Test
    void attentionPattern_causalRowsSumToOne() {
        for (int l = 0; l < trace.layers(); l++) {
            for (int h = 0; h < 8; h++) {
                float[][] pattern = trace.attentionPattern(l, h);
                for (int q = 0; q < TOKENS.length; q++) {
                    double sum = 0;
                    for (int k = 0; k < TOKENS.length; k++) {
                        if (k > q) assertEquals(0f, pattern[q][k]);
                        sum += pattern[q][k];
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
                assertEquals(1f, pattern[0][0], 0f);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> trace.attentionPattern(0, 8));
    }

    @Test
    void meanNextTokenLoss_equalsCrossEntropyFromLogits() {
        double total = 0;
        for (int p = 0; p + 1 < TOKENS.length; p++) {
            float[] logits = trace.logits(p);
            double z = 0;
            for (float v : logits) z += Math.exp(v);
            total += -Math.log(Math.exp(logits[TOKENS[p + 1]]) / z);
        }
        assertEquals(total / (TOKENS.length - 1), trace.meanNextTokenLoss(), 1e-9);
    }

    @Test
    void run_replacementReturningMlpOut_identicalTrace() {
        List<Integer> layers = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        ForwardTrace same = model.run(TOKENS, (layer, in, out) -> {
            layers.add(layer);
            inputs.add(in);
            return out;
        });
        assertEquals(List.of(0, 1, 2, 3, 4), layers);
        for (int l = 0; l < 5; l++) assertArrayEquals(trace.flatActivations(Hook.MLP_IN, l), inputs.get(l));
        assertArrayEquals(trace.logits(), same.logits());
    }

    @Test
    void run_zeroMlpAtLayer2_recordedAndLossRises() {
        ForwardTrace ablated = model.run(TOKENS, (layer, in, out) -> layer == 2 ? new float[out.length] : null);
        assertArrayEquals(new float[TOKENS.length * 64], ablated.flatActivations(Hook.MLP_OUT, 2));
        assertArrayEquals(ablated.flatActivations(Hook.RESID_MID, 2), ablated.flatActivations(Hook.RESID_PRE, 3));
        // layers before the replacement are untouched
        assertArrayEquals(trace.flatActivations(Hook.RESID_MID, 2), ablated.flatActivations(Hook.RESID_MID, 2));
        assertTrue(ablated.meanNextTokenLoss() > trace.meanNextTokenLoss() + 0.01,
                ablated.meanNextTokenLoss() + " vs " + trace.meanNextTokenLoss());
    }

    @Test
    void lastLogits_equalsTraceLogitsAtLastPosition() {
        // one row instead of T goes through another matrix kernel: equal up to float32 rounding
        assertArrayEquals(trace.logits(TOKENS.length - 1), model.lastLogits(TOKENS), 1e-5f);
    }

    @Test
    void newDecoder_tokenByToken_sameLogitsAsWholeSequence() {
        try (Decoder decoder = model.newDecoder()) {
            for (int p = 0; p < TOKENS.length; p++) {
                assertEquals(p, decoder.position());
                // another summation order (one query row, cached keys): float32 rounding, well inside run.c's 1e-4
                assertArrayEquals(trace.logits(p), decoder.next(TOKENS[p]), 5e-5f, "position " + p);
            }
            assertThrows(IllegalArgumentException.class, () -> decoder.next(512));
        }
    }

    @Test
    void newDecoder_contextFull_rejected() throws IOException {
        ModelConfig c = weights.config();
        ModelConfig shortContext = new ModelConfig(c.architecture(), c.dim(), c.hiddenDim(), c.layers(), c.heads(),
                c.kvHeads(), c.vocabSize(), 3, c.normEps(), c.ropeTheta(), c.ropeLayout());
        java.util.Map<String, FloatTensor> tensors = new java.util.LinkedHashMap<>();
        for (String name : weights.names()) tensors.put(name, weights.tensor(name));
        try (LlamaModel small = new LlamaModel(new LlamaWeights(shortContext, tensors));
             Decoder decoder = small.newDecoder()) {
            for (int p = 0; p < 3; p++) decoder.next(TOKENS[p]);
            assertThrows(IllegalArgumentException.class, () -> decoder.next(TOKENS[3]));
            int[] generated = Generator.generate(small, new int[] {1, 403}, 10, TokenSampler.greedy(), t -> { });
            assertEquals(4, generated.length); // positions 0..2 fed; the token sampled after position 2 is kept
        }
    }

    @Test
    void run_replacementOfWrongLength_rejected() {
        assertThrows(IllegalArgumentException.class, () -> model.run(TOKENS, (layer, in, out) -> new float[3]));
    }

    @Test
    void run_badTokens_rejected() {
        assertThrows(IllegalArgumentException.class, () -> model.run(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> model.run(new int[] {1, 512}));
        assertThrows(IllegalArgumentException.class, () -> model.run(new int[513]));
    }

    @Test
    void hook_transformerLensNames_roundTrip() {
        for (Hook h : Hook.values()) assertEquals(h, Hook.fromTransformerLensName(h.transformerLensName(3)));
        assertEquals("blocks.3.mlp.hook_in", Hook.MLP_IN.transformerLensName(3));
        assertEquals(Hook.MLP_NORMALIZED, Hook.fromTransformerLensName("blocks.0.ln2.hook_normalized"));
        assertEquals(Hook.MLP_OUT, Hook.fromTransformerLensName("mlp.hook_out"));
        assertThrows(IllegalArgumentException.class, () -> Hook.fromTransformerLensName("blocks.0.attn.hook_z"));
    }
}
