package org.circuitgrammar.tracer.transcoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TranscoderTest {

    /** d = 2, F = 3, hand-computed. */
    private static SingleLayerTranscoder small(float[] skip) {
        float[] wEnc = {1, 0, 0, 1, 1, -1};
        float[] bEnc = {0, -1, 0.5f};
        float[] wDec = {1, 2, 3, 4, -1, 1};
        float[] bDec = {0.25f, -0.25f};
        return new SingleLayerTranscoder(wEnc, bEnc, wDec, bDec, skip, new Activation.Relu());
    }

    @Test
    void singleLayer_handExample_encodeDecode() {
        SingleLayerTranscoder t = small(null);
        float[] x = {2, 3};
        // h = [2, 3-1, 2-3+0.5] = [2, 2, -0.5] → a = [2, 2, 0]
        assertArrayEquals(new float[] {2, 2, -0.5f}, t.preActivations(x, 1));
        assertArrayEquals(new float[] {2, 2, 0}, t.encode(x, 1));
        // ŷ = 2·[1,2] + 2·[3,4] + [0.25,-0.25] = [8.25, 11.75]
        assertArrayEquals(new float[] {8.25f, 11.75f}, t.reconstruct(x, 1));
    }

    @Test
    void singleLayer_skip_addsXTimesSkipTransposed() {
        // W_skip = [[1,2],[0,-1]] → x·W_skipᵀ = [2+6, -3] = [8, -3]
        SingleLayerTranscoder t = small(new float[] {1, 2, 0, -1});
        assertArrayEquals(new float[] {16.25f, 8.75f}, t.reconstruct(new float[] {2, 3}, 1));
    }

    @Test
    void singleLayer_badShape_throws() {
        assertThrows(IllegalArgumentException.class, () -> new SingleLayerTranscoder(new float[5], new float[3],
                new float[6], new float[2], null, new Activation.Relu()));
        assertThrows(IllegalArgumentException.class, () -> new SingleLayerTranscoder(new float[6], new float[3],
                new float[6], new float[2], null, new Activation.JumpRelu(new float[2])));
    }

    @Test
    void transcoderSet_decoderVectorOtherLayer_throws() {
        TranscoderSet set = new TranscoderSet(List.of(small(null), small(null)));
        assertArrayEquals(new float[] {3, 4}, set.decoderVector(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> set.decoderVector(0, 1, 1));
    }

    @Test
    void crossLayer_randomBatch_matchesPerFeatureSum() {
        SplittableRandom rng = new SplittableRandom(11);
        int layers = 3;
        int d = 4;
        int f = 5;
        int rows = 6;
        float[][] enc = new float[layers][];
        float[][] benc = new float[layers][];
        float[][] dec = new float[layers][];
        float[][] bdec = new float[layers][];
        List<Activation> acts = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            enc[l] = gaussian(rng, f * d);
            benc[l] = gaussian(rng, f);
            dec[l] = gaussian(rng, f * (layers - l) * d);
            bdec[l] = gaussian(rng, d);
            acts.add(l == 1 ? new Activation.JumpRelu(new float[] {0, .5f, 1, -1, 0.2f}) : new Activation.Relu());
        }
        CrossLayerTranscoder clt = new CrossLayerTranscoder(enc, benc, dec, bdec, acts);
        float[][] inputs = new float[layers][];
        for (int l = 0; l < layers; l++) {
            inputs[l] = gaussian(rng, rows * d);
        }
        float[][] got = clt.reconstruct(inputs, rows);
        for (int target = 0; target < layers; target++) {
            for (int r = 0; r < rows; r++) {
                double[] expected = new double[d];
                for (int j = 0; j < d; j++) {
                    expected[j] = clt.decoderBias(target)[j];
                }
                for (int source = 0; source <= target; source++) {
                    for (int feat = 0; feat < f; feat++) {
                        double h = clt.encoderBias(source)[feat];
                        float[] e = clt.encoderVector(source, feat);
                        for (int j = 0; j < d; j++) {
                            h += e[j] * inputs[source][r * d + j];
                        }
                        double a = acts.get(source) instanceof Activation.JumpRelu jr
                                ? (h > jr.threshold(feat) ? h : 0) : Math.max(0, h);
                        float[] w = clt.decoderVector(source, feat, target);
                        for (int j = 0; j < d; j++) {
                            expected[j] += a * w[j];
                        }
                    }
                }
                for (int j = 0; j < d; j++) {
                    assertEquals(expected[j], got[target][r * d + j], 1e-4, "layer " + target + " row " + r);
                }
            }
        }
    }

    @Test
    void crossLayer_decoderVectorBeforeSource_throws() {
        CrossLayerTranscoder clt = new CrossLayerTranscoder(new float[][] {new float[2], new float[2]},
                new float[][] {new float[1], new float[1]}, new float[][] {{1, 2, 3, 4}, {5, 6}},
                new float[][] {new float[2], new float[2]}, List.of(new Activation.Relu(), new Activation.Relu()));
        assertArrayEquals(new float[] {3, 4}, clt.decoderVector(0, 0, 1));
        assertArrayEquals(new float[] {5, 6}, clt.decoderVector(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> clt.decoderVector(1, 0, 0));
    }

    static float[] gaussian(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
