package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void adjust_handExample() {
        // sorted 0.005, 0.01, 0.03, 0.04 -> m p / rank = 0.02, 0.02, 0.04, 0.04
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, q, 1e-15);
    }

    @Test
    void adjust_runningMinimumFromTheTop() {
        // m p / rank = 0.3, 0.2 -> the first is lowered to 0.2 by the step-up rule
        assertArrayEquals(new double[] {0.2, 0.2}, BenjaminiHochberg.adjust(new double[] {0.15, 0.2}), 1e-15);
    }

    @Test
    void adjust_fixtureFromPythonDefinition_agrees() {
        for (JsonNode c : StatsFixture.load().get("bh")) {
            double[] q = BenjaminiHochberg.adjust(StatsFixture.doubles(c.get("p")));
            assertArrayEquals(StatsFixture.doubles(c.get("q")), q, 1e-12);
        }
    }

    @Test
    void adjust_outOfRange_rejected() {
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {0.5, 1.5}));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {Double.NaN}));
    }

    @Test
    void adjust_undefinedPValues_notInTheFamily() {
        List<Statistic> q = BenjaminiHochberg.adjust(
                List.of(Statistic.of(0.01), Statistic.undefined("no null samples (n = 0)"), Statistic.of(0.04)));
        // m = 2, not 3
        assertEquals(0.02, q.get(0).value(), 1e-15);
        assertFalse(q.get(1).isDefined());
        assertEquals(0.04, q.get(2).value(), 1e-15);
    }
}
