package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyStatisticsTest {
    // three classes over four null samples; class c is constant
    private static final long[][] SAMPLES = {{1, 10, 5}, {2, 10, 5}, {3, 14, 5}, {4, 14, 5}};

    @Test
    void of_handValues() {
        FamilyStatistics f = FamilyStatistics.of("toy", List.of("a", "b", "c"), new long[] {5, 12, 5}, SAMPLES);
        assertEquals(4, f.samples());
        assertArrayEquals(new double[] {2.5, 12, 5}, f.nullMean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(1.25), 2, 0}, f.nullSd(), 1e-15);
        assertEquals(Math.sqrt(5), f.z().get(0).value(), 1e-14);
        assertEquals(0.0, f.z().get(1).value(), 0);
        assertFalse(f.z().get(2).isDefined());
        // SP over the defined Z's: (sqrt 5, 0) / sqrt 5
        assertEquals(1.0, f.sp().get(0).value(), 1e-15);
        assertEquals(0.0, f.sp().get(1).value(), 0);
        assertFalse(f.sp().get(2).isDefined());
        assertEquals(0.4, f.p().get(0).value(), 1e-15);
        assertEquals(1.0, f.p().get(2).value(), 0);
    }

    @Test
    void of_isCopiedIn() {
        long[] observed = {5, 12, 5};
        FamilyStatistics f = FamilyStatistics.of("toy", List.of("a", "b", "c"), observed, SAMPLES);
        observed[0] = 99;
        f.observed()[1] = 99;
        assertEquals(5, f.observed(0));
        assertEquals(12, f.observed(1));
    }

    @Test
    void equals_comparesArrayContents() {
        FamilyStatistics a = FamilyStatistics.of("toy", List.of("a", "b", "c"), new long[] {5, 12, 5}, SAMPLES);
        FamilyStatistics b = FamilyStatistics.of("toy", List.of("a", "b", "c"), new long[] {5, 12, 5}, SAMPLES);
        FamilyStatistics c = FamilyStatistics.of("toy", List.of("a", "b", "c"), new long[] {6, 12, 5}, SAMPLES);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
    }

    @Test
    void of_wrongWidth_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> FamilyStatistics.of("toy", List.of("a", "b"), new long[] {1, 2, 3}, new long[0][]));
        assertThrows(IllegalArgumentException.class,
                () -> FamilyStatistics.of("toy", List.of("a", "b"), new long[] {1, 2}, new long[][] {{1}}));
    }

    @Test
    void of_noSamples_countsOnlyEverythingUndefined() {
        FamilyStatistics f = FamilyStatistics.of("toy", List.of("a"), new long[] {3}, new long[0][]);
        assertEquals(0, f.samples());
        assertFalse(f.z().get(0).isDefined());
        assertFalse(f.p().get(0).isDefined());
        assertFalse(f.sp().get(0).isDefined());
    }
}
