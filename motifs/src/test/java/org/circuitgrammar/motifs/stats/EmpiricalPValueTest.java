package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EmpiricalPValueTest {
    private static final long[] ONE_TO_FOUR = {1, 2, 3, 4};

    @Test
    void twoSided_aboveEveryNull_isTwoOverNPlusOne() {
        assertEquals(2.0 / 5, EmpiricalPValue.twoSided(5, ONE_TO_FOUR).value(), 0);
    }

    @Test
    void twoSided_belowEveryNull_isTwoOverNPlusOne() {
        assertEquals(2.0 / 5, EmpiricalPValue.twoSided(0, ONE_TO_FOUR).value(), 0);
    }

    @Test
    void twoSided_tieAtTopCountsInUpperTail() {
        // upper tail: 1 + #{x >= 4} = 2 -> 2/5, doubled 4/5
        assertEquals(4.0 / 5, EmpiricalPValue.twoSided(4, ONE_TO_FOUR).value(), 1e-15);
    }

    @Test
    void twoSided_inTheMiddle_cappedAtOne() {
        assertEquals(1.0, EmpiricalPValue.twoSided(2, ONE_TO_FOUR).value(), 0);
    }

    @Test
    void twoSided_constantEnsemble_oneWhenEqualElseMinimum() {
        assertEquals(1.0, EmpiricalPValue.twoSided(3, new long[] {3, 3, 3}).value(), 0);
        assertEquals(2.0 / 4, EmpiricalPValue.twoSided(4, new long[] {3, 3, 3}).value(), 0);
    }

    @Test
    void twoSided_empty_undefined() {
        assertFalse(EmpiricalPValue.twoSided(3, new long[0]).isDefined());
    }

    @Test
    void twoSided_fixtureFromPython_agrees() {
        for (JsonNode c : StatsFixture.load().get("ensembles")) {
            double p = EmpiricalPValue.twoSided(c.get("observed").asLong(), StatsFixture.longs(c.get("nulls")))
                    .value();
            assertEquals(c.get("p").asDouble(), p, 1e-15, c.toString());
        }
    }
}
