package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Uniform random k-subsets of {@code [0, universe)}. */
final class RandomSubsets {
    private RandomSubsets() {
    }

    /** Universes up to this size are tracked with a bitset (2 MiB), which also yields the values already sorted. */
    static final long BITSET_LIMIT = 1L << 24;

    /**
     * k distinct values drawn uniformly from {@code [0, universe)}, ascending, by Floyd's algorithm: over a bitset
     * for universes up to {@link #BITSET_LIMIT} ({@code O(k + universe/64)}), else over a hash set when
     * {@code k <= universe / 2} ({@code O(k log k)} with the sort), else as the complement of a subset of size
     * {@code universe - k} ({@code O(universe)} ≤ {@code O(2k)}).
     */
    static long[] sample(long universe, int k, SplittableRandom rng) {
        return sample(universe, k, rng, BITSET_LIMIT);
    }

    /** As {@link #sample(long, int, SplittableRandom)} with another bitset limit (tests reach every path with it). */
    static long[] sample(long universe, int k, SplittableRandom rng, long bitsetLimit) {
        if (k < 0 || k > universe) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct values from " + universe);
        }
        if (universe <= bitsetLimit) {
            return floydOverBits((int) universe, k, rng);
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

    private static long[] floydOverBits(int universe, int k, SplittableRandom rng) {
        long[] bits = new long[(universe + 63) >>> 6];
        for (int j = universe - k; j < universe; j++) {
            int t = rng.nextInt(j + 1);
            int pick = (bits[t >>> 6] & (1L << t)) != 0 ? j : t;
            bits[pick >>> 6] |= 1L << pick;
        }
        long[] out = new long[k];
        int filled = 0;
        for (int word = 0; word < bits.length; word++) {
            for (long w = bits[word]; w != 0; w &= w - 1) {
                out[filled++] = ((long) word << 6) + Long.numberOfTrailingZeros(w);
            }
        }
        return out;
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
