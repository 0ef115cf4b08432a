package org.circuitgrammar.motifs.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedDigraphTest {

    /** Sorted rows give the same graph as the sorting factory: both CSR and CSC, weights aligned. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void fromSortedRows_randomGraph_equalsFromEdges(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 + rng.nextInt(40);
        int m = rng.nextInt(n * 4);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            src[e] = rng.nextInt(n);
            dst[e] = rng.nextInt(n);
            w[e] = rng.nextDouble() - 0.5;
        }
        int[] layer = rng.ints(n, 0, 5).toArray();
        int[] position = rng.ints(n, 0, 3).toArray();
        SignedDigraph sorted = SignedDigraph.fromEdges(layer, position, src, dst, w, m);
        SignedDigraph rows = SignedDigraph.fromSortedRows(layer, position, sorted.rawOutOffsets().clone(),
                sorted.rawOutTargets().clone(), sorted.rawOutWeights().clone());
        assertArrayEquals(sorted.rawOutTargets(), rows.rawOutTargets());
        assertArrayEquals(sorted.rawOutWeights(), rows.rawOutWeights());
        assertArrayEquals(sorted.rawInOffsets(), rows.rawInOffsets());
        assertArrayEquals(sorted.rawInSources(), rows.rawInSources());
        assertArrayEquals(sorted.rawInWeights(), rows.rawInWeights());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsorted", "duplicate", "self-loop"})
    void fromSortedRows_brokenRow_rejected(String defect) {
        int[] targets = switch (defect) {
            case "unsorted" -> new int[] {2, 1};
            case "duplicate" -> new int[] {1, 1};
            default -> new int[] {0, 1};
        };
        assertThrows(IllegalArgumentException.class, () -> SignedDigraph.fromSortedRows(new int[3], new int[3],
                new int[] {0, 2, 2, 2}, targets, new double[2]));
    }
}
