package org.circuitgrammar.tracer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.DjlEngine;
import org.circuitgrammar.tracer.train.TrainingOptions.TrainedActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the trainer's design choice: one PLT training step for stories260K's shapes (L = 5,
 * d = 64, F = 512, batch 512, TopK 30) with DJL autograd on PyTorch (forward, backward, plain SGD update — less
 * work than Adam) against {@link TranscoderTrainer}'s hand-written gradients and Adam. Not a test; run with
 * {@code mvn -o -pl tracer -am test -Dtest=TrainingStepBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.args="-Dai.djl.offline=true -Dcgram.bench=true"}.
 */
@EnabledIfSystemProperty(named = "cgram.bench", matches = "true")
class TrainingStepBench {
    private static final int LAYERS = 5;
    private static final int D = 64;
    private static final int FEATURES = 512;
    private static final int BATCH = 512;
    private static final int K = 30;
    private static final int STEPS = 40;

    @Test
    void djlAutogradVersusHandWritten() {
        double djl = djlStepMillis();
        double java1 = handWrittenStepMillis(1);
        double java2 = handWrittenStepMillis(2);
        System.out.printf(Locale.ROOT, "PLT step, L=%d d=%d F=%d batch=%d TopK %d: DJL autograd %.1f ms;"
                + " hand-written 1 thread %.1f ms, 2 threads %.1f ms%n", LAYERS, D, FEATURES, BATCH, K, djl, java1,
                java2);
        assertTrue(djl > 0 && java1 > 0 && java2 > 0);
    }

    private static double djlStepMillis() {
        try (NDManager m = DjlEngine.newManager()) {
            NDArray[][] params = new NDArray[LAYERS][];
            for (int l = 0; l < LAYERS; l++) {
                params[l] = new NDArray[] {m.randomNormal(new Shape(FEATURES, D)).mul(0.1f),
                    m.zeros(new Shape(FEATURES)), m.randomNormal(new Shape(FEATURES, D)).mul(0.1f),
                    m.zeros(new Shape(D))};
                for (NDArray p : params[l]) {
                    p.setRequiresGradient(true);
                }
            }
            NDArray x = m.randomNormal(new Shape(BATCH, D));
            NDArray y = m.randomNormal(new Shape(BATCH, D));
            long start = 0;
            for (int s = 0; s < STEPS + 5; s++) {
                if (s == 5) {
                    start = System.nanoTime();
                }
                try (NDManager step = m.newSubManager()) {
                    step.tempAttachAll(x, y); // every temporary of this step joins and dies with `step`
                    try (GradientCollector gc = Engine.getEngine(DjlEngine.ENGINE).newGradientCollector()) {
                        NDArray total = null;
                        for (int l = 0; l < LAYERS; l++) {
                            NDArray h = x.matMul(params[l][0].transpose()).add(params[l][1]);
                            NDArray kth = h.sort(1).get(":, " + (FEATURES - K) + ":" + (FEATURES - K + 1));
                            NDArray a = h.mul(h.gte(kth));
                            NDArray loss = a.matMul(params[l][2]).add(params[l][3]).sub(y).square().mean();
                            total = total == null ? loss : total.add(loss);
                        }
                        gc.backward(total);
                    }
                    for (NDArray[] layer : params) {
                        for (NDArray p : layer) {
                            p.subi(p.getGradient().mul(1e-3f));
                        }
                    }
                }
            }
            return (System.nanoTime() - start) / 1e6 / STEPS;
        }
    }

    private static double handWrittenStepMillis(int threads) {
        SplittableRandom rng = new SplittableRandom(1);
        float[][] in = new float[LAYERS][BATCH * 4 * D];
        float[][] out = new float[LAYERS][BATCH * 4 * D];
        for (int l = 0; l < LAYERS; l++) {
            for (int i = 0; i < in[l].length; i++) {
                in[l][i] = (float) rng.nextGaussian();
                out[l][i] = (float) rng.nextGaussian();
            }
        }
        ActivationSet data = new ActivationSet(BATCH * 4, D, in, out);
        TrainingOptions warm = new TrainingOptions(TranscoderKind.PLT, false, FEATURES, TrainedActivation.TOPK, K, 0,
                5, BATCH, 1e-3f, 1);
        new TranscoderTrainer(warm, threads).train(data, null);
        TrainingOptions timed = new TrainingOptions(TranscoderKind.PLT, false, FEATURES, TrainedActivation.TOPK, K,
                0, STEPS, BATCH, 1e-3f, 1);
        long start = System.nanoTime();
        new TranscoderTrainer(timed, threads).train(data, null);
        return (System.nanoTime() - start) / 1e6 / STEPS;
    }
}
