package org.circuitgrammar.motifs.nulls;

/**
 * A mutable set of (row, column) pairs over {@code rows × columns}: a bit matrix when it has at most
 * {@link #BIT_MATRIX_LIMIT} cells (one (layer, layer) block of a real graph fits in cache this way), otherwise an
 * open-addressing hash set of packed longs with linear probing and backward-shift deletion. All operations are
 * {@code O(1)} (expected for the hash form). Not thread-safe.
 */
final class PairSet {
    /** Largest matrix stored as bits: 2^24 cells = 2 MiB. */
    static final long BIT_MATRIX_LIMIT = 1L << 24;
    private static final long EMPTY = -1L;

    private final int columns;
    private final long[] bits;      // bit matrix form, or null
    private final long[] table;     // hash form, or null
    private final int mask;
    private final int shift;

    PairSet(int rows, int columns, int expectedSize) {
        this(rows, columns, expectedSize, (long) rows * columns <= BIT_MATRIX_LIMIT);
    }

    /** A hash-form set for about {@code expectedSize} pairs of arbitrary ints (e.g. the two halves of a long). */
    static PairSet hashed(int expectedSize) {
        return new PairSet(0, 0, expectedSize, false);
    }

    private PairSet(int rows, int columns, int expectedSize, boolean asBits) {
        this.columns = columns;
        long cells = (long) rows * columns;
        if (asBits) {
            bits = new long[(int) ((cells + 63) >>> 6)];
            table = null;
            mask = 0;
            shift = 0;
        } else {
            bits = null;
            int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 4 - 1) << 1;   // load factor <= 1/2
            table = new long[capacity];
            java.util.Arrays.fill(table, EMPTY);
            mask = capacity - 1;
            shift = Long.numberOfLeadingZeros(capacity) + 1;    // top log2(capacity) bits of the hash
        }
    }

    boolean contains(int row, int column) {
        if (bits != null) {
            long cell = (long) row * columns + column;
            return (bits[(int) (cell >>> 6)] & (1L << cell)) != 0;
        }
        long key = pack(row, column);
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == key) {
                return true;
            }
            if (k == EMPTY) {
                return false;
            }
        }
    }

    /** Adds the pair; it must not be present. */
    void add(int row, int column) {
        if (bits != null) {
            long cell = (long) row * columns + column;
            bits[(int) (cell >>> 6)] |= 1L << cell;
            return;
        }
        long key = pack(row, column);
        int i = slot(key);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = key;
    }

    /** Removes the pair; it must be present. */
    void remove(int row, int column) {
        if (bits != null) {
            long cell = (long) row * columns + column;
            bits[(int) (cell >>> 6)] &= ~(1L << cell);
            return;
        }
        long key = pack(row, column);
        int i = slot(key);
        while (table[i] != key) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every probe chain unbroken without tombstones
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = EMPTY;
    }

    private static long pack(int row, int column) {
        return ((long) row << 32) | (column & 0xffffffffL);
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
