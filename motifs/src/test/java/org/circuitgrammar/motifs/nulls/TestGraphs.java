package org.circuitgrammar.motifs.nulls;

import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/** Small random graphs for the null-model tests. */
public final class TestGraphs {
    private TestGraphs() {
    }

    /**
     * A layered signed DAG: {@code layers} layers of {@code width} nodes, positions {@code 0..positions-1}, about
     * {@code m} edges each from a lower to a strictly higher layer, a fraction {@code negative} of them inhibitory.
     */
    public static SignedDigraph layeredDag(long seed, int layers, int width, int positions, int m, double negative) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = layers * width;
        int[] layer = new int[n];
        int[] position = new int[n];
        for (int v = 0; v < n; v++) {
            layer[v] = v / width - 1;                       // embeddings sit at layer −1, as in the corpus
            position[v] = rng.nextInt(positions);
        }
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            int ls = rng.nextInt(layers - 1);
            int lt = ls + 1 + rng.nextInt(Math.min(3, layers - 1 - ls));   // mostly short gaps, like real graphs
            src[e] = ls * width + rng.nextInt(width);
            dst[e] = lt * width + rng.nextInt(width);
            double magnitude = 0.1 + rng.nextDouble();
            w[e] = rng.nextDouble() < negative ? -magnitude : magnitude;
        }
        return SignedDigraph.fromEdges(layer, position, src, dst, w, m);
    }

    /** A random simple digraph with no layer structure (every node at layer 0), for the unlayered nulls. */
    public static SignedDigraph randomDigraph(long seed, int n, int m) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            src[e] = rng.nextInt(n);
            dst[e] = rng.nextInt(n);
            w[e] = rng.nextBoolean() ? 1.0 : -0.5;
        }
        return SignedDigraph.fromEdges(new int[n], new int[n], src, dst, w, m);
    }

    /** The graph with edge list {@code edges} = {s0, t0, s1, t1, ...}, weights 1, layers and positions given. */
    public static SignedDigraph of(int[] layer, int[] position, int... edges) {
        int m = edges.length / 2;
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            src[e] = edges[2 * e];
            dst[e] = edges[2 * e + 1];
            w[e] = 1.0;
        }
        return SignedDigraph.fromEdges(layer, position, src, dst, w, m);
    }

    /** The edges of {@code g} as a canonical string, for equality checks and counting distinct samples. */
    public static String edgeList(SignedDigraph g) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = g.rawOutOffsets()[s]; e < g.rawOutOffsets()[s + 1]; e++) {
                sb.append(s).append('>').append(g.rawOutTargets()[e]).append(':').append(g.rawOutWeights()[e])
                        .append(' ');
            }
        }
        return sb.toString();
    }
}
