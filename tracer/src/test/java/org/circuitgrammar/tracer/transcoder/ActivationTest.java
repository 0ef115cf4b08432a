package org.circuitgrammar.tracer.transcoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void jumpRelu_specOracle_strictThreshold() {
        // spec §4.3: θ=[1,.5,1.5,2,.8], h=[-1,.5,1,1.5,2] → [0,0,0,0,2] (h = θ is dropped)
        Activation phi = new Activation.JumpRelu(new float[] {1f, .5f, 1.5f, 2f, .8f});
        assertArrayEquals(new float[] {0, 0, 0, 0, 2}, phi.apply(new float[] {-1f, .5f, 1f, 1.5f, 2f}));
    }

    @Test
    void topK_specOracle_keepsTwoLargest() {
        assertArrayEquals(new float[] {0, 5, 3, 0}, new Activation.TopK(2).apply(new float[] {1, 5, 3, 2}));
    }

    @Test
    void topK_allNegative_keepsNegatives() {
        assertArrayEquals(new float[] {0, -1, -2, 0},
                new Activation.TopK(2).apply(new float[] {-3, -1, -2, -4}));
    }

    @Test
    void topK_ties_lowerIndexWins() {
        assertArrayEquals(new float[] {2, 0, 2, 0, 0}, new Activation.TopK(2).apply(new float[] {2, 1, 2, 2, 0}));
    }

    @Test
    void topK_kAboveLength_keepsAll() {
        assertArrayEquals(new float[] {-1, 4}, new Activation.TopK(5).apply(new float[] {-1, 4}));
    }

    @Test
    void topK_randomRows_matchSortOracle() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(60);
            int k = 1 + rng.nextInt(n);
            float[] h = new float[n];
            for (int i = 0; i < n; i++) {
                h[i] = (float) rng.nextGaussian();
            }
            float[] sorted = h.clone();
            Arrays.sort(sorted);
            float kth = sorted[n - k];
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = h[i] >= kth ? h[i] : 0f; // no ties among Gaussian draws
            }
            assertArrayEquals(expected, new Activation.TopK(k).apply(h), "trial " + trial);
        }
    }

    @Test
    void relu_rowWithOffset_touchesOnlyThatRow() {
        float[] h = {-1, 2, -3, 4, -5, 6};
        new Activation.Relu().apply(h, 2, 2, h);
        assertArrayEquals(new float[] {-1, 2, 0, 4, -5, 6}, h);
    }

    @Test
    void jumpRelu_wrongRowLength_throws() {
        Activation phi = new Activation.JumpRelu(new float[] {1f, 2f});
        assertThrows(IllegalArgumentException.class, () -> phi.apply(new float[3]));
    }

    @Test
    void jumpRelu_copiesThresholds_equalityByValue() {
        float[] theta = {1f, 2f};
        Activation.JumpRelu phi = new Activation.JumpRelu(theta);
        theta[0] = 9f;
        assertEquals(1f, phi.threshold(0));
        assertEquals(new Activation.JumpRelu(new float[] {1f, 2f}), phi);
    }
}
