package org.circuitgrammar.tracer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Half-precision conversions: exhaustive round trips and nearest-value rounding checked by brute force. */
class TensorDTypeTest {
    @Test
    void f16ToFloat_knownPatterns_ieeeValues() {
        assertEquals(1.0f, TensorDType.f16ToFloat((short) 0x3C00));
        assertEquals(0x1p-24f, TensorDType.f16ToFloat((short) 0x0001));
        assertEquals(0x1p-14f, TensorDType.f16ToFloat((short) 0x0400));
        assertEquals(65504f, TensorDType.f16ToFloat((short) 0x7BFF));
        assertEquals(-2f, TensorDType.f16ToFloat((short) 0xC000));
        assertEquals(Float.POSITIVE_INFINITY, TensorDType.f16ToFloat((short) 0x7C00));
        assertTrue(Float.isNaN(TensorDType.f16ToFloat((short) 0x7E00)));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(TensorDType.f16ToFloat((short) 0x8000)));
    }

    @Test
    void floatToF16_everyHalfValue_roundTripsExactly() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = TensorDType.f16ToFloat((short) bits);
            if (Float.isNaN(value)) {
                assertTrue(Float.isNaN(TensorDType.f16ToFloat(TensorDType.floatToF16(value))));
            } else {
                assertEquals(bits, TensorDType.floatToF16(value) & 0xffff, "pattern " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void floatToBf16_everyBf16Value_roundTripsExactly() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = TensorDType.bf16ToFloat((short) bits);
            if (Float.isNaN(value)) continue;
            assertEquals(bits, TensorDType.floatToBf16(value) & 0xffff, "pattern " + Integer.toHexString(bits));
        }
    }

    /** The representable neighbours below and above {@code x} found by scanning all 65536 patterns (brute force). */
    private static void assertNearestEven(float x, short got, boolean bf16) {
        double best = Double.POSITIVE_INFINITY;
        int bestBits = -1;
        for (int bits = 0; bits < 0x10000; bits++) {
            float v = bf16 ? TensorDType.bf16ToFloat((short) bits) : TensorDType.f16ToFloat((short) bits);
            if (Float.isNaN(v) || Float.isInfinite(v)) continue;
            double d = Math.abs((double) v - x);
            if (d < best || d == best && (bits & 1) == 0 && Math.signum(v) == Math.signum(x)) {
                best = d;
                bestBits = bits;
            }
        }
        float gotValue = bf16 ? TensorDType.bf16ToFloat(got) : TensorDType.f16ToFloat(got);
        float bestValue = bf16 ? TensorDType.bf16ToFloat((short) bestBits) : TensorDType.f16ToFloat((short) bestBits);
        assertEquals(bestValue, gotValue, 0f, "rounding " + x);
    }

    @Test
    void floatToF16_randomFloatsInRange_nearestValueTiesToEven() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            float x = (float) ((random.nextDouble() * 2 - 1) * Math.pow(2, random.nextInt(-26, 16)));
            assertNearestEven(x, TensorDType.floatToF16(x), false);
        }
        // exact ties: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10 and goes to the even 1
        assertEquals(0x3C00, TensorDType.floatToF16(1f + 0x1p-11f) & 0xffff);
        assertEquals(0x3C02, TensorDType.floatToF16(1f + 3 * 0x1p-11f) & 0xffff);
        assertEquals(0x7C00, TensorDType.floatToF16(65520f) & 0xffff); // halfway to 2^16 rounds up to infinity
        assertEquals(0x0000, TensorDType.floatToF16(0x1p-25f) & 0xffff); // half the smallest subnormal: ties to 0
    }

    @Test
    void floatToBf16_randomFloats_nearestValueTiesToEven() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 200; i++) {
            float x = (float) ((random.nextDouble() * 2 - 1) * Math.pow(2, random.nextInt(-60, 60)));
            assertNearestEven(x, TensorDType.floatToBf16(x), true);
        }
        assertEquals(0x3F80, TensorDType.floatToBf16(Float.intBitsToFloat(0x3F808000)) & 0xffff); // tie to even
        assertEquals(0x3F82, TensorDType.floatToBf16(Float.intBitsToFloat(0x3F818000)) & 0xffff); // tie to even
    }
}
