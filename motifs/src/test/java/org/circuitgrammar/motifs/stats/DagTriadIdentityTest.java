package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The DAG identity on real ensembles: random DAGs, null samples made by degree-preserving swaps that keep a fixed
 * topological order (so the samples stay DAGs), triads counted by brute force over every vertex triple.
 */
class DagTriadIdentityTest {
    private static final List<String> LABELS = List.of("021U", "021C", "021D", "030T", "030C", "other");

    @Test
    void holds_dagPreservingDegreePreservingNull_exactly() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            boolean[][] real = randomDag(rng, 14, 0.3);
            long[][] samples = new long[200][];
            boolean[][] current = copy(real);
            for (int i = 0; i < samples.length; i++) {
                swap(rng, current, 20, true);
                samples[i] = triads(current);
            }
            FamilyStatistics stats = FamilyStatistics.of("triad", LABELS, triads(real), samples);
            double ffl = stats.z().get(3).value();
            assertEquals(-ffl, stats.z().get(0).value(), 0.0);
            assertEquals(-ffl, stats.z().get(1).value(), 0.0);
            assertEquals(-ffl, stats.z().get(2).value(), 0.0);
            assertEquals(stats.p().get(3), stats.p().get(0));
            assertTrue(DagTriadIdentity.holds(stats));
            assertFalse(stats.z().get(4).isDefined(), "no 3-cycles in a DAG null");
        }
    }

    @Test
    void holds_nullThatLeavesTheDag_false() {
        SplittableRandom rng = new SplittableRandom(5);
        boolean[][] real = randomDag(rng, 14, 0.3);
        long[][] samples = new long[200][];
        boolean[][] current = copy(real);
        for (int i = 0; i < samples.length; i++) {
            swap(rng, current, 20, false);
            samples[i] = triads(current);
        }
        FamilyStatistics stats = FamilyStatistics.of("triad", LABELS, triads(real), samples);
        assertFalse(DagTriadIdentity.holds(stats));
    }

    @Test
    void holds_missingClass_false() {
        FamilyStatistics stats = FamilyStatistics.of("triad", List.of("021U", "030T"), new long[] {1, 2},
                new long[][] {{0, 3}, {2, 1}});
        assertFalse(DagTriadIdentity.holds(stats));
    }

    private static boolean[][] randomDag(SplittableRandom rng, int n, double density) {
        boolean[][] a = new boolean[n][n];
        for (int s = 0; s < n; s++) {
            for (int t = s + 1; t < n; t++) {
                a[s][t] = rng.nextDouble() < density;
            }
        }
        return a;
    }

    private static boolean[][] copy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Swap trials (a→b, c→d) → (a→d, c→b); with keepOrder only swaps with a < d and c < b are taken. */
    private static void swap(SplittableRandom rng, boolean[][] a, int trials, boolean keepOrder) {
        for (int t = 0; t < trials; t++) {
            int[] e1 = randomEdge(rng, a);
            int[] e2 = randomEdge(rng, a);
            int s1 = e1[0];
            int t1 = e1[1];
            int s2 = e2[0];
            int t2 = e2[1];
            if (s1 == s2 || t1 == t2 || s1 == t2 || s2 == t1 || a[s1][t2] || a[s2][t1]) {
                continue;
            }
            if (keepOrder && (s1 > t2 || s2 > t1)) {
                continue;
            }
            a[s1][t1] = false;
            a[s2][t2] = false;
            a[s1][t2] = true;
            a[s2][t1] = true;
        }
    }

    private static int[] randomEdge(SplittableRandom rng, boolean[][] a) {
        int n = a.length;
        while (true) {
            int s = rng.nextInt(n);
            int t = rng.nextInt(n);
            if (a[s][t]) {
                return new int[] {s, t};
            }
        }
    }

    /** Brute-force counts in {@link #LABELS} order; "other" collects every other triad with at least one edge. */
    private static long[] triads(boolean[][] a) {
        long[] counts = new long[LABELS.size()];
        int n = a.length;
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                for (int z = y + 1; z < n; z++) {
                    counts[classify(a, new int[] {x, y, z})]++;
                }
            }
        }
        return counts;
    }

    private static int classify(boolean[][] a, int[] v) {
        int edges = 0;
        int[] in = new int[3];
        int[] out = new int[3];
        boolean mutual = false;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j && a[v[i]][v[j]]) {
                    edges++;
                    out[i]++;
                    in[j]++;
                    mutual |= a[v[j]][v[i]];
                }
            }
        }
        if (mutual || edges < 2 || edges > 3) {
            return 5;
        }
        for (int i = 0; i < 3; i++) {
            if (edges == 2 && in[i] == 2) {
                return 0;
            }
            if (edges == 2 && out[i] == 2) {
                return 2;
            }
            if (edges == 3 && out[i] == 2) {
                return 3;
            }
        }
        return edges == 2 ? 1 : 4;
    }
}
