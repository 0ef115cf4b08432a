package org.circuitgrammar.tracer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.DjlEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One training step's hand-written gradients against DJL autograd (PyTorch) on the same batch and weights: the
 * loss {@code Σ_t ‖ŷ_t − y_t‖²/(B·d·L) + λ/(B·L)·Σ a·‖W_dec,f‖} of a ReLU transcoder, built here from DJL
 * operations in float64, differentiated by the engine.
 */
class TrainerGradientTest {
    private static final int LAYERS = 3;
    private static final int D = 6;
    private static final int FEATURES = 10;
    private static final int ROWS = 24;

    @ParameterizedTest
    @CsvSource({"PLT,false", "PLT,true", "CLT,false"})
    void firstStep_gradients_equalAutograd(TranscoderKind kind, boolean skip) {
        SplittableRandom r = new SplittableRandom(17);
        float[][] in = new float[LAYERS][ROWS * D];
        float[][] out = new float[LAYERS][ROWS * D];
        for (int l = 0; l < LAYERS; l++) {
            for (int i = 0; i < ROWS * D; i++) {
                in[l][i] = (float) r.nextGaussian();
                out[l][i] = (float) (r.nextGaussian() + 0.3);
            }
        }
        float l1 = 0.05f;
        TrainingOptions options = new TrainingOptions(kind, skip, FEATURES, TrainingOptions.TrainedActivation.RELU,
                1, l1, 1, ROWS, 0.01f, 3);
        TranscoderTrainer.FirstStep step = new TranscoderTrainer(options, 1).firstStep(new ActivationSet(ROWS, D, in, out));
        int[] reach = new int[LAYERS];
        for (int l = 0; l < LAYERS; l++) reach[l] = kind == TranscoderKind.CLT ? LAYERS - l : 1;
        try (NDManager m = DjlEngine.newManager();
             GradientCollector collector = Engine.getEngine(DjlEngine.ENGINE).newGradientCollector()) {
            NDArray[] enc = new NDArray[LAYERS];
            NDArray[] encBias = new NDArray[LAYERS];
            NDArray[] dec = new NDArray[LAYERS];
            NDArray[] decBias = new NDArray[LAYERS];
            NDArray[] skipW = new NDArray[LAYERS];
            for (int l = 0; l < LAYERS; l++) {
                enc[l] = leaf(m, step.encoder()[l], FEATURES, D);
                encBias[l] = leaf(m, step.encoderBias()[l], FEATURES);
                dec[l] = leaf(m, step.decoder()[l], FEATURES, reach[l], D);
                decBias[l] = leaf(m, step.decoderBias()[l], D);
                if (skip) skipW[l] = leaf(m, step.skip()[l], D, D);
            }
            NDArray loss = m.zeros(new Shape(), DataType.FLOAT64);
            NDArray[] act = new NDArray[LAYERS];
            for (int l = 0; l < LAYERS; l++) {
                NDArray x = m.create(step.inputs()[l], new Shape(ROWS, D)).toType(DataType.FLOAT64, false);
                act[l] = x.matMul(enc[l].transpose()).add(encBias[l]).maximum(0.0);
                NDArray norms = dec[l].square().sum(new int[] {1, 2}).sqrt();
                loss = loss.add(act[l].mul(norms).sum().mul(l1 / (double) (ROWS * LAYERS)));
            }
            for (int t = 0; t < LAYERS; t++) {
                NDArray x = m.create(step.inputs()[t], new Shape(ROWS, D)).toType(DataType.FLOAT64, false);
                NDArray y = m.create(step.targets()[t], new Shape(ROWS, D)).toType(DataType.FLOAT64, false);
                NDArray yHat = decBias[t].broadcast(new Shape(ROWS, D));
                if (skip) yHat = yHat.add(x.matMul(skipW[t].transpose()));
                for (int l = 0; l <= t; l++) {
                    if (t - l < reach[l]) yHat = yHat.add(act[l].matMul(dec[l].get(":, " + (t - l) + ", :")));
                }
                loss = loss.add(yHat.sub(y).square().sum().div((double) ROWS * D * LAYERS));
            }
            collector.backward(loss);
            assertEquals(loss.getDouble(), step.loss(), 1e-4 * step.loss(), "loss");
            for (int l = 0; l < LAYERS; l++) {
                assertClose(enc[l], step.encoderGrad()[l], "W_enc " + l);
                assertClose(encBias[l], step.encoderBiasGrad()[l], "b_enc " + l);
                assertClose(dec[l], step.decoderGrad()[l], "W_dec " + l);
                assertClose(decBias[l], step.decoderBiasGrad()[l], "b_dec " + l);
                if (skip) assertClose(skipW[l], step.skipGrad()[l], "W_skip " + l);
            }
        }
    }

    private static NDArray leaf(NDManager m, float[] values, long... shape) {
        NDArray a = m.create(values, new Shape(shape)).toType(DataType.FLOAT64, false);
        a.setRequiresGradient(true);
        return a;
    }

    private static void assertClose(NDArray leaf, float[] handWritten, String name) {
        double[] autograd = leaf.getGradient().toDoubleArray();
        double scale = 0;
        for (double v : autograd) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0, name + ": autograd gives an all-zero gradient");
        for (int i = 0; i < autograd.length; i++) {
            assertEquals(autograd[i], handWritten[i], 1e-4 * scale, name + "[" + i + "]");
        }
    }
}
