package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FeatureIdsTest {
    @Test
    void cantor_smallValues_enumerateTheDiagonalsInOrder() {
        // brute force: walking the diagonals (0,0), (1,0), (0,1), (2,0), (1,1), (0,2), ... numbers them 0, 1, 2, ...
        long z = 0;
        for (int s = 0; s < 200; s++) {
            for (int index = 0; index <= s; index++) {
                int layer = s - index;
                assertEquals(z, FeatureIds.cantor(layer, index));
                assertArrayEquals(new long[] {layer, index}, FeatureIds.uncantor(z));
                z++;
            }
        }
    }

    @Test
    void uncantor_largeRandomPairs_roundTrip() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long layer = r.nextInt(200);
            long index = r.nextLong(1L << 30);
            assertArrayEquals(new long[] {layer, index}, FeatureIds.uncantor(FeatureIds.cantor(layer, index)));
        }
    }

    @Test
    void decode_eachEncoding_givesTheIndex() {
        assertEquals(391, FeatureIds.decode("0_391_1", 0, 77027), "circuit-tracer spec example");
        assertEquals(5458, FeatureIds.decode("23_5458_4", 23, 2305458), "layer*100000 + idx");
        assertEquals(16400899, FeatureIds.decode("18_16400899_11", 18, 16400899), "Haiku global id");
        assertEquals(5943, FeatureIds.decode("x", 21, FeatureIds.cantor(21, 5943)), "no usable id: unpair");
        assertEquals(5458, FeatureIds.decode("x", 23, 2305458), "no usable id: layer offset");
        assertEquals(77, FeatureIds.decode("3_77_1", 3, Long.MIN_VALUE), "no feature field: the id");
        assertEquals(-1, FeatureIds.decode("E_77", 3, Long.MIN_VALUE));
    }
}
