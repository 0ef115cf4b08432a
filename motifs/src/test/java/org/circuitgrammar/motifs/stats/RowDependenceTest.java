package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Roles against a brute-force definition (every pair of points on one line) over several column shapes. */
class RowDependenceTest {
    /** y lies on a non-vertical line through the points of x: every 2x2 determinant vanishes and x varies. */
    private static boolean onOneLine(long[] x, long[] y) {
        boolean varies = false;
        for (int t = 0; t < x.length; t++) {
            varies |= x[t] != x[0];
            for (int u = 0; u < x.length; u++) {
                if ((x[t] - x[0]) * (y[u] - y[0]) != (x[u] - x[0]) * (y[t] - y[0])) {
                    return false;
                }
            }
        }
        return varies;
    }

    private static int[] bruteForce(long[][] cols, int[] priority) {
        int[] out = new int[cols.length];
        java.util.List<Integer> independent = new java.util.ArrayList<>();
        for (int r : priority) {
            if (java.util.Arrays.stream(cols[r]).allMatch(v -> v == cols[r][0])) {
                out[r] = RowDependence.CONSTANT;
                continue;
            }
            out[r] = RowDependence.INDEPENDENT;
            for (int i : independent) {
                if (onOneLine(cols[i], cols[r])) {
                    out[r] = i;
                    break;
                }
            }
            if (out[r] == RowDependence.INDEPENDENT) {
                independent.add(r);
            }
        }
        return out;
    }

    @Test
    void of_manyShapes_equalsBruteForce() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rng.nextInt(12);
            int k = 1 + rng.nextInt(8);
            long[][] cols = new long[k][n];
            for (int r = 0; r < k; r++) {
                int shape = rng.nextInt(5);
                int source = r == 0 ? -1 : rng.nextInt(r);
                for (int t = 0; t < n; t++) {
                    cols[r][t] = switch (shape) {
                        case 0 -> 5;                                              // constant
                        case 1 -> source < 0 ? rng.nextInt(3) : 100 - cols[source][t];   // mirror (DAG identity)
                        case 2 -> source < 0 ? rng.nextInt(50) : 7 + 3 * cols[source][t]; // 012-like
                        case 3 -> rng.nextInt(2);                                  // two-valued, chance relations
                        default -> rng.nextInt(1000);                              // free
                    };
                }
            }
            int[] priority = new int[k];
            for (int i = 0; i < k; i++) {
                priority[i] = k - 1 - i;
            }
            assertArrayEquals(bruteForce(cols, priority), RowDependence.of(cols, priority), "trial " + trial);
        }
    }

    @Test
    void of_largeCounts_noOverflowFalsePositive() {
        long big = 3_000_000_000L;
        long[][] cols = {{big, big + 1, big + 2}, {big, big + 2, big + 4}, {1, 5, 2}};
        assertArrayEquals(new int[] {RowDependence.INDEPENDENT, 0, RowDependence.INDEPENDENT},
                RowDependence.of(cols, new int[] {0, 1, 2}));
    }
}
