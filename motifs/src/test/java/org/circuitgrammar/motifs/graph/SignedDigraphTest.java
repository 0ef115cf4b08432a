package org.circuitgrammar.motifs.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /**
     * Distinct edges in shuffled order give ascending rows and columns holding exactly the edges of a dense n × n
     * weight matrix filled by hand, on empty, sparse and nearly complete graphs.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.0", "12, 0.0", "30, 0.1", "9, 0.95", "40, 0.5"})
    void fromDistinctEdges_shuffledEdges_equalTheMatrix(int n, double density) {
        SplittableRandom rng = new SplittableRandom(n);
        double[][] matrix = new double[n][n];
        int[] src = new int[n * n];
        int[] dst = new int[n * n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t && rng.nextDouble() < density) {
                    matrix[s][t] = rng.nextDouble() - 0.5;
                    src[m] = s;
                    dst[m++] = t;
                }
            }
        }
        for (int i = m - 1; i > 0; i--) {       // Fisher–Yates, so the input is in no particular order
            int j = rng.nextInt(i + 1);
            int ts = src[i];
            int td = dst[i];
            src[i] = src[j];
            dst[i] = dst[j];
            src[j] = ts;
            dst[j] = td;
        }
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            w[e] = matrix[src[e]][dst[e]];
        }
        SignedDigraph g = SignedDigraph.fromDistinctEdges(new int[n], new int[n],
                Arrays.copyOf(src, m), Arrays.copyOf(dst, m), w);
        assertEquals(m, g.edgeCount());
        double[][] seen = new double[n][n];
        for (int s = 0; s < n; s++) {
            int previous = -1;
            for (int i = g.rawOutOffsets()[s]; i < g.rawOutOffsets()[s + 1]; i++) {
                int t = g.rawOutTargets()[i];
                assertTrue(t > previous, "row " + s + " ascending");
                previous = t;
                seen[s][t] = g.rawOutWeights()[i];
            }
            for (int i = g.rawInOffsets()[s]; i < g.rawInOffsets()[s + 1]; i++) {
                assertEquals(matrix[g.rawInSources()[i]][s], g.rawInWeights()[i]);
            }
        }
        for (int s = 0; s < n; s++) {
            assertArrayEquals(matrix[s], seen[s], "row " + s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicate", "self-loop", "out of range"})
    void fromDistinctEdges_brokenEdge_rejected(String defect) {
        int[] dst = switch (defect) {
            case "duplicate" -> new int[] {1, 1};
            case "self-loop" -> new int[] {1, 0};
            default -> new int[] {1, 3};
        };
        Class<? extends RuntimeException> expected = defect.equals("out of range") ? IndexOutOfBoundsException.class
                : IllegalArgumentException.class;
        assertThrows(expected, () -> SignedDigraph.fromDistinctEdges(new int[3], new int[3],
                new int[] {0, 0}, dst, new double[2]));
    }
}
