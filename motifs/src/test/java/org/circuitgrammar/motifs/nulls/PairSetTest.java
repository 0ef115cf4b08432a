package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PairSetTest {

    /** Random add/remove/contains against java.util.HashSet, in the bit-matrix form and in the hash form. */
    @ParameterizedTest
    @ValueSource(ints = {50, 5000})
    void randomOperations_agreeWithHashSet(int side) {
        SplittableRandom rng = new SplittableRandom(side);
        PairSet set = new PairSet(side, side, 60 * 60);
        Set<Long> oracle = new HashSet<>();
        for (int op = 0; op < 200_000; op++) {
            int r = rng.nextInt(Math.min(side, 60));          // a narrow range provokes collisions and deletions
            int c = rng.nextInt(Math.min(side, 60));
            long key = (long) r * side + c;
            boolean present = oracle.contains(key);
            assertEquals(present, set.contains(r, c), "contains(" + r + "," + c + ") at op " + op);
            if (rng.nextBoolean()) {
                if (present) {
                    set.remove(r, c);
                    oracle.remove(key);
                } else {
                    set.add(r, c);
                    oracle.add(key);
                }
            }
        }
        int found = 0;
        for (int r = 0; r < Math.min(side, 60); r++) {
            for (int c = 0; c < Math.min(side, 60); c++) {
                found += set.contains(r, c) ? 1 : 0;
            }
        }
        assertEquals(oracle.size(), found);
    }
}
