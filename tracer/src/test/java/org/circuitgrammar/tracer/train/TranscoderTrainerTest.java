package org.circuitgrammar.tracer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.train.TrainingOptions.TrainedActivation;
import org.circuitgrammar.tracer.transcoder.Activation;
import org.circuitgrammar.tracer.transcoder.Transcoder;
import org.junit.jupiter.api.Test;

class TranscoderTrainerTest {
    private static final int LAYERS = 2;
    private static final int D = 16;
    private static final int ATOMS = 24;
    private static final int ACTIVE = 3;

    private static ActivationSet problem(boolean crossLayer, int rows, long sampleSeed) {
        return SparseDictionaryProblem.generate(LAYERS, D, ATOMS, ACTIVE, rows, crossLayer, 1, sampleSeed);
    }

    private static TrainingOptions options(TranscoderKind kind, TrainedActivation act, int k, float l1, int steps,
                                           long seed) {
        return new TrainingOptions(kind, false, 2 * ATOMS, act, k, l1, steps, 256, 3e-3f, seed);
    }

    private static List<LayerMetrics> fitAndEvaluate(TrainingOptions options, boolean crossLayerData) {
        Transcoder t = new TranscoderTrainer(options, 2).train(problem(crossLayerData, 8000, 2), null);
        return TranscoderEvaluator.evaluate(t, problem(crossLayerData, 2000, 3));
    }

    private static void assertRecovered(List<LayerMetrics> metrics, double maxFvu, double minL0, double maxL0) {
        for (LayerMetrics m : metrics) {
            assertTrue(m.fvu() < maxFvu, "FVU " + m);
            assertTrue(m.meanL0() >= minL0 && m.meanL0() <= maxL0, "L0 " + m);
        }
    }

    @Test
    void train_pltTopK_recoversKnownDictionary() {
        List<LayerMetrics> m = fitAndEvaluate(options(TranscoderKind.PLT, TrainedActivation.TOPK, 4, 0, 1500, 5),
                false);
        assertRecovered(m, 0.12, 4, 4);
    }

    @Test
    void train_pltJumpRelu_recoversKnownDictionary() {
        List<LayerMetrics> m = fitAndEvaluate(
                options(TranscoderKind.PLT, TrainedActivation.JUMPRELU, 4, 0, 1500, 5), false);
        assertRecovered(m, 0.12, 3, 5);
    }

    @Test
    void train_pltRelu_l1GivesSparseLowError() {
        List<LayerMetrics> m = fitAndEvaluate(options(TranscoderKind.PLT, TrainedActivation.RELU, 1, 3e-3f, 1500, 5),
                false);
        assertRecovered(m, 0.12, 1, 2 * ATOMS * 0.5);
    }

    @Test
    void train_crossLayerData_cltExplainsLaterLayerAndPltCannot() {
        List<LayerMetrics> clt = fitAndEvaluate(
                options(TranscoderKind.CLT, TrainedActivation.JUMPRELU, 4, 0, 1500, 5), true);
        List<LayerMetrics> plt = fitAndEvaluate(
                options(TranscoderKind.PLT, TrainedActivation.JUMPRELU, 4, 0, 1500, 5), true);
        assertRecovered(clt, 0.12, 3, 5);
        // layer 1's target carries layer 0's atoms, which a PLT reading only layer 1 cannot see
        assertTrue(plt.get(1).fvu() > 0.4, "PLT " + plt);
    }

    @Test
    void train_sameSeedAnyThreadCount_identicalWeights() {
        ActivationSet data = problem(true, 2000, 2);
        TrainingOptions options = options(TranscoderKind.CLT, TrainedActivation.JUMPRELU, 4, 1e-3f, 60, 9);
        Transcoder one = new TranscoderTrainer(options, 1).train(data, null);
        Transcoder two = new TranscoderTrainer(options, 2).train(data, null);
        Transcoder again = new TranscoderTrainer(options, 2).train(data, null);
        assertEquals(one, two);
        assertEquals(two, again);
        TrainingOptions otherSeed = options(TranscoderKind.CLT, TrainedActivation.JUMPRELU, 4, 1e-3f, 60, 10);
        assertNotEquals(one, new TranscoderTrainer(otherSeed, 2).train(data, null));
    }

    @Test
    void train_skipPlt_learnsLinearMapWithSkipMatrix() {
        // a purely linear target: y = 2·x (no sparse structure), which only the skip path can fit at L0 = 1
        ActivationSet base = problem(false, 4000, 2);
        float[][] in = new float[LAYERS][];
        float[][] out = new float[LAYERS][];
        for (int l = 0; l < LAYERS; l++) {
            in[l] = base.inputs(l);
            out[l] = in[l].clone();
            for (int i = 0; i < out[l].length; i++) {
                out[l][i] *= 2f;
            }
        }
        ActivationSet linear = new ActivationSet(4000, D, in, out);
        TrainingOptions skip = new TrainingOptions(TranscoderKind.PLT, true, 8, TrainedActivation.TOPK, 1, 0, 800,
                256, 3e-3f, 5);
        Transcoder t = new TranscoderTrainer(skip, 2).train(linear, null);
        assertTrue(t.hasSkip());
        for (LayerMetrics m : TranscoderEvaluator.evaluate(t, linear)) {
            assertTrue(m.fvu() < 0.03, m.toString());
        }
        assertEquals(new Activation.TopK(1), t.activation(0));
    }

    @Test
    void progressListener_seesEveryStepAndLossFalls() {
        double[] losses = new double[200];
        new TranscoderTrainer(options(TranscoderKind.PLT, TrainedActivation.TOPK, 4, 0, 200, 5), 1)
                .train(problem(false, 2000, 2), (step, loss) -> losses[step] = loss);
        assertTrue(losses[0] > 0.5, "initial loss near 1 on unit-variance targets: " + losses[0]);
        assertTrue(losses[199] < 0.5 * losses[0], "loss falls: " + losses[0] + " -> " + losses[199]);
    }

    @Test
    void kthLargest_matchesSort() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + rng.nextInt(500);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextInt(20) - 10; // many ties
            }
            float[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            int rank = 1 + rng.nextInt(n);
            assertEquals(sorted[n - rank], TranscoderTrainer.kthLargest(v.clone(), rank), "trial " + trial);
        }
    }
}
