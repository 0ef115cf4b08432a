package org.circuitgrammar.motifs.census;

import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/** Seeded random small signed digraphs for the property tests. */
final class RandomDigraphs {
    private RandomDigraphs() {
    }

    /**
     * Any simple digraph: each ordered pair is an edge with probability {@code p}, so mutual pairs and cycles
     * occur. About a fifth of the weights are negative and some are exactly 0 (which counts as positive).
     */
    static SignedDigraph any(long seed, int n, double p, int positions) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] layer = new int[n];
        int[] position = new int[n];
        for (int v = 0; v < n; v++) {
            position[v] = r.nextInt(positions);
        }
        int[] src = new int[n * n];
        int[] dst = new int[n * n];
        double[] w = new double[n * n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t && r.nextDouble() < p) {
                    src[m] = s;
                    dst[m] = t;
                    w[m++] = weight(r);
                }
            }
        }
        return SignedDigraph.fromEdges(layer, position, src, dst, w, m);
    }

    /** A layered DAG: edges only from lower to higher layer, positions never decrease along an edge. */
    static SignedDigraph layeredDag(long seed, int n, double p, int layers, int positions) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] layer = new int[n];
        int[] position = new int[n];
        for (int v = 0; v < n; v++) {
            layer[v] = r.nextInt(layers);
            position[v] = r.nextInt(positions);
        }
        int[] src = new int[n * n];
        int[] dst = new int[n * n];
        double[] w = new double[n * n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (layer[s] < layer[t] && position[s] <= position[t] && r.nextDouble() < p) {
                    src[m] = s;
                    dst[m] = t;
                    w[m++] = weight(r);
                }
            }
        }
        return SignedDigraph.fromEdges(layer, position, src, dst, w, m);
    }

    private static double weight(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.2 ? -r.nextDouble() : u < 0.25 ? 0.0 : r.nextDouble();
    }
}
