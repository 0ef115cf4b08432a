package org.circuitgrammar.tracer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.circuitgrammar.tracer.model.ForwardTrace;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.LlamaModel;
import org.circuitgrammar.tracer.model.MlpReplacement;
import org.circuitgrammar.tracer.transcoder.Activation;
import org.circuitgrammar.tracer.transcoder.SingleLayerTranscoder;
import org.circuitgrammar.tracer.transcoder.TranscoderSet;
import org.junit.jupiter.api.Test;

class ActivationCollectorTest {
    /** " Once upon a time" and "Tom had a red ball..." as run.c encodes them (reference_greedy.json). */
    private static final int[] ONCE = {1, 403, 407, 261, 378};
    private static final int[] TOM = {1, 274, 287, 381, 261, 352, 266, 268, 388, 426};

    @Test
    void collect_twoSequences_rowsArePositionsAfterBos() throws Exception {
        try (LlamaModel model = StoriesModel.load()) {
            ActivationSet set = ActivationCollector.collect(model, List.of(ONCE, TOM), Hook.MLP_IN);
            assertEquals(4 + 9, set.rows());
            ForwardTrace tom = model.run(TOM);
            float[] in = set.inputs(3);
            float[] out = set.targets(3);
            // row 4 is TOM's position 1
            assertArrayEquals(tom.activation(Hook.MLP_IN, 3, 1), Arrays.copyOfRange(in, 4 * 64, 5 * 64));
            assertArrayEquals(tom.activation(Hook.MLP_OUT, 3, 9), Arrays.copyOfRange(out, 12 * 64, 13 * 64));
            assertThrows(IllegalArgumentException.class,
                    () -> ActivationCollector.collect(model, List.of(new int[] {1}), Hook.MLP_IN));
        }
    }

    @Test
    void sample_sameSeedAnyWorkerCount_sameSequences() throws Exception {
        try (LlamaModel a = StoriesModel.load(); LlamaModel b = StoriesModel.load()) {
            List<int[]> one = ActivationCollector.sample(List.of(a), 3, 6, 1f, 42, null);
            List<int[]> two = ActivationCollector.sample(List.of(a, b), 3, 6, 1f, 42, null);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(one.get(i), two.get(i));
                assertEquals(Llama2cTokenizer.BOS, one.get(i)[0]);
                assertTrue(one.get(i).length <= 7);
            }
            // a prefix of a larger sample: sequence i depends only on the i-th seed
            assertArrayEquals(one.get(1), ActivationCollector.sample(List.of(a), 5, 6, 1f, 42, null).get(1));
        }
    }

    @Test
    void windows_longParagraph_cutWithBosEach() throws Exception {
        Llama2cTokenizer tok = Llama2cTokenizer.read(StoriesModel.folder().resolve("tok512.bin"), 512);
        List<int[]> w = ActivationCollector.windows(tok, "Once upon a time\n\n\nOnce upon a time", 3);
        // each paragraph encodes to [1, 403, 407, 261, 378] → windows [1,403,407,261] and [1,378]
        assertEquals(4, w.size());
        assertArrayEquals(new int[] {1, 403, 407, 261}, w.get(0));
        assertArrayEquals(new int[] {1, 378}, w.get(1));
        assertArrayEquals(w.get(0), w.get(2));
    }

    @Test
    void replacementLoss_zeroTranscoder_equalsModelWithMlpsZeroedAfterBos() throws Exception {
        try (LlamaModel model = StoriesModel.load()) {
            int f = 4;
            SingleLayerTranscoder zero = new SingleLayerTranscoder(new float[f * 64], new float[f],
                    new float[f * 64], new float[64], null, new Activation.Relu());
            TranscoderSet set = new TranscoderSet(List.of(zero, zero, zero, zero, zero));
            ReplacementLoss.Result r = ReplacementLoss.measure(model, set, List.of(TOM));
            MlpReplacement zeroAfterBos = (layer, mlpIn, mlpOut) -> {
                float[] o = new float[mlpOut.length];
                System.arraycopy(mlpOut, 0, o, 0, 64);
                return o;
            };
            assertEquals(model.run(TOM).meanNextTokenLoss(), r.originalLoss(), 1e-12);
            assertEquals(model.run(TOM, zeroAfterBos).meanNextTokenLoss(), r.replacedLoss(), 1e-9);
            assertTrue(r.replacedLoss() > r.originalLoss(), r.toString());
            assertEquals(9, r.predictions());
        }
    }
}
