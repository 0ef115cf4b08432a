package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignificanceProfileTest {

    @Test
    void of_threeFour_isUnitVector() {
        List<Statistic> sp = SignificanceProfile.of(List.of(Statistic.of(3), Statistic.of(-4)));
        assertEquals(0.6, sp.get(0).value(), 1e-15);
        assertEquals(-0.8, sp.get(1).value(), 1e-15);
    }

    @Test
    void of_undefinedEntry_leftOutOfNormAndStaysUndefined() {
        List<Statistic> sp = SignificanceProfile.of(
                List.of(Statistic.of(3), Statistic.undefined("zero null spread"), Statistic.of(4)));
        assertEquals(0.6, sp.get(0).value(), 1e-15);
        assertEquals(0.8, sp.get(2).value(), 1e-15);
        Statistic.Undefined u = (Statistic.Undefined) sp.get(1);
        assertTrue(u.reason().contains("zero null spread"), u.reason());
    }

    @Test
    void of_allZero_everyEntryUndefined() {
        List<Statistic> sp = SignificanceProfile.of(List.of(Statistic.of(0), Statistic.of(0)));
        assertFalse(sp.get(0).isDefined());
        assertFalse(sp.get(1).isDefined());
    }

    @Test
    void of_scaleInvariant() {
        List<Statistic> a = SignificanceProfile.of(List.of(Statistic.of(1), Statistic.of(2), Statistic.of(-2)));
        List<Statistic> b = SignificanceProfile.of(List.of(Statistic.of(10), Statistic.of(20), Statistic.of(-20)));
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).value(), b.get(i).value(), 1e-15);
        }
        assertEquals(1.0 / 3, a.get(0).value(), 1e-15);
    }
}
