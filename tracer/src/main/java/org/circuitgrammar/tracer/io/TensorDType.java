package org.circuitgrammar.tracer.io;

/**
 * The element types this project reads and writes in safetensors files. Whatever the stored type, values reach Java
 * as {@code float}: F16 and BF16 are widened in Java (never as a DJL BF16 tensor, which kills the JVM), and narrowed
 * with round-to-nearest-even when written. The integer types (a TopK transcoder's scalar {@code k}, for instance) are
 * read as floats when every value is an integer of magnitude at most 2<sup>24</sup>, which float32 holds exactly;
 * a larger value is an input error, never a silent rounding.
 */
public enum TensorDType {
    F32(4, false), F16(2, false), BF16(2, false), I64(8, true), I32(4, true), I16(2, true), I8(1, true),
    U8(1, true);

    /** The largest integer magnitude read or written exactly through a float32. */
    public static final long EXACT_INTEGER_LIMIT = 1L << 24;

    private final int bytes;
    private final boolean integer;

    TensorDType(int bytes, boolean integer) {
        this.bytes = bytes;
        this.integer = integer;
    }

    /** Bytes per element. */
    public int bytes() { return bytes; }

    /** Whether the type stores integers. */
    public boolean isInteger() { return integer; }

    /** The enum for a safetensors {@code dtype} string, or null when it is not one of ours. */
    static TensorDType fromHeader(String name) {
        for (TensorDType t : values()) {
            if (t.name().equals(name)) return t;
        }
        return null;
    }

    /** The float32 value of a bfloat16 bit pattern (exact: bf16 is the top half of a float32). */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** The nearest bfloat16 to {@code value}, ties to even; NaN stays a (quiet) NaN. */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) return (short) ((bits >>> 16) | 0x0040);
        int roundingBias = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** The float32 value of an IEEE 754 binary16 bit pattern (exact, subnormals included). */
    public static float f16ToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // subnormal or zero: mantissa * 2^-24, exact in float32
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The nearest binary16 to {@code value}, ties to even; overflow gives infinity, NaN stays NaN. */
    public static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1f) return (short) (sign | 0x7c00);
        if (e <= 0) {
            if (e < -10) return (short) sign; // below half the smallest subnormal: rounds to zero
            int full = mantissa | 0x800000; // implicit leading one
            int shift = 14 - e;            // 24-bit significand down to the subnormal grid 2^-24
            int half = full >>> shift;
            int remainder = full & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (remainder > halfway || (remainder == halfway && (half & 1) != 0)) half++;
            return (short) (sign | half);
        }
        int half = (e << 10) | (mantissa >>> 13);
        int remainder = mantissa & 0x1fff;
        if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) half++; // may carry into the exponent: correct
        return (short) (sign | half);
    }
}
