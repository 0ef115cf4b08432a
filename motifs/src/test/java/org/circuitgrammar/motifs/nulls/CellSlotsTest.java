package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellSlotsTest {

    /**
     * Random put/overwrite/remove/get against java.util.HashMap, in the array form (50 × 50 cells) and in the hash
     * form (5000 × 5000 cells, beyond {@link CellSlots#ARRAY_LIMIT}), on a narrow range that provokes collisions and
     * backward-shift deletions; at most 3600 cells are occupied, the capacity.
     */
    @ParameterizedTest
    @ValueSource(ints = {50, 5000})
    void randomOperations_agreeWithHashMap(int side) {
        SplittableRandom rng = new SplittableRandom(side);
        CellSlots slots = new CellSlots(side, side, 60 * 60);
        Map<Long, Integer> oracle = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            int r = rng.nextInt(Math.min(side, 60));
            int c = rng.nextInt(Math.min(side, 60));
            long key = (long) r * side + c;
            Integer present = oracle.get(key);
            if (present != null) {
                assertEquals(present.intValue(), slots.get(r, c), "get(" + r + "," + c + ") at op " + op);
            }
            switch (rng.nextInt(3)) {
                case 0 -> {
                    int slot = rng.nextInt(1_000_000);
                    slots.put(r, c, slot);                  // a new cell, or an occupied one overwritten
                    oracle.put(key, slot);
                }
                case 1 -> {
                    if (present != null) {
                        slots.remove(r, c);
                        oracle.remove(key);
                    }
                }
                default -> {
                }
            }
        }
        for (Map.Entry<Long, Integer> e : oracle.entrySet()) {
            assertEquals(e.getValue().intValue(), slots.get((int) (e.getKey() / side), (int) (e.getKey() % side)));
        }
    }
}
