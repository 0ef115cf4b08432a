package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Uniform random k-subsets of {@code [0, universe)}. */
final class RandomSubsets {
    private RandomSubsets() {
    }

    /**
     * k distinct values drawn uniformly from {@code [0, universe)}, ascending. Floyd's algorithm over a hash set when
     * {@code k <= universe / 2} ({@code O(k log k)} with the sort), else the complement of a subset of size
     * {@code universe - k} ({@code O(universe)} ≤ {@code O(2k)}).
     */
    static long[] sample(long universe, int k, SplittableRandom rng) {
        if (k < 0 || k > universe) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct values from " + universe);
        }
        if (k > universe / 2) {
            long[] excluded = floyd(universe, (int) (universe - k), rng);
            long[] out = new long[k];
            int x = 0;
            int filled = 0;
            for (long v = 0; v < universe; v++) {
                if (x < excluded.length && excluded[x] == v) {
                    x++;
                } else {
                    out[filled++] = v;
                }
            }
            return out;
        }
        return floyd(universe, k, rng);
    }

    private static long[] floyd(long universe, int k, SplittableRandom rng) {
        long[] out = new long[k];
        PairSet seen = PairSet.hashed(k);
        int filled = 0;
        for (long j = universe - k; j < universe; j++) {
            long t = rng.nextLong(j + 1);
            long pick = seen.contains((int) (t >>> 32), (int) t) ? j : t;
            seen.add((int) (pick >>> 32), (int) pick);
            out[filled++] = pick;
        }
        Arrays.sort(out);
        return out;
    }
}
