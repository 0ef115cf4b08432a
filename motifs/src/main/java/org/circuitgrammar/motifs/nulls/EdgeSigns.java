package org.circuitgrammar.motifs.nulls;

import java.util.SplittableRandom;

/** Lays signed weights onto the edges of a null graph according to a {@link SignMode}. */
final class EdgeSigns {
    private EdgeSigns() {
    }

    /**
     * The weights of a null graph's edges. {@code weights} holds one observed weight per edge slot, grouped into
     * blocks {@code [blockStart[b], blockStart[b+1])}; CARRIED and PRESERVED return it as it is, SHUFFLED a copy
     * permuted uniformly inside each block, BERNOULLI fresh ±1 weights, +1 with probability {@code excitatoryFraction}.
     * {@code O(m)}.
     */
    static double[] assign(SignMode mode, double[] weights, int[] blockStart, double excitatoryFraction,
                           SplittableRandom rng) {
        switch (mode) {
            case CARRIED:
            case PRESERVED:
                return weights;
            case SHUFFLED: {
                double[] w = weights.clone();
                for (int b = 0; b + 1 < blockStart.length; b++) {
                    int start = blockStart[b];
                    for (int i = blockStart[b + 1] - 1; i > start; i--) {     // Fisher–Yates inside the block
                        int j = start + rng.nextInt(i - start + 1);
                        double x = w[i];
                        w[i] = w[j];
                        w[j] = x;
                    }
                }
                return w;
            }
            case BERNOULLI: {
                double[] w = new double[weights.length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = rng.nextDouble() < excitatoryFraction ? 1.0 : -1.0;
                }
                return w;
            }
            default:
                throw new AssertionError(mode);
        }
    }
}
