package org.circuitgrammar.motifs.nulls;

/**
 * A mutable set of (row, column) pairs over {@code rows × columns}: a bit matrix when it has at most
 * {@link #BIT_MATRIX_LIMIT} cells (one (layer, layer) block of a real graph fits in cache this way), otherwise an
 * open-addressing hash set of packed longs with linear probing and backward-shift deletion. All operations are
 * {@code O(1)} (expected for the hash form). The hash form is sized once for at most {@code capacity} pairs (a swap
 * chain never changes a block's size). Not thread-safe.
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
    private final int capacity;
    private int size;

    PairSet(int rows, int columns, int capacity) {
        this(rows, columns, capacity, (long) rows * columns <= BIT_MATRIX_LIMIT);
    }

    /** A hash-form set for at most {@code capacity} pairs of arbitrary ints (e.g. the two halves of a long). */
    static PairSet hashed(int capacity) {
        return new PairSet(0, 0, capacity, false);
    }

    private PairSet(int rows, int columns, int capacity, boolean asBits) {
        this.columns = columns;
        this.capacity = capacity;
        long cells = (long) rows * columns;
        if (asBits) {
            bits = new long[(int) ((cells + 63) >>> 6)];
            table = null;
            mask = 0;
            shift = 0;
        } else {
            bits = null;
            int slots = Integer.highestOneBit(Math.max(4, capacity) * 4 - 1) << 1;      // load factor <= 1/4
            table = new long[slots];
            java.util.Arrays.fill(table, EMPTY);
            mask = slots - 1;
            shift = Long.numberOfLeadingZeros(slots) + 1;    // top log2(slots) bits of the hash
        }
    }

    /** An independent copy (array copies, no rehashing). */
    PairSet copy() {
        return new PairSet(this);
    }

    private PairSet(PairSet other) {
        columns = other.columns;
        bits = other.bits == null ? null : other.bits.clone();
        table = other.table == null ? null : other.table.clone();
        mask = other.mask;
        shift = other.shift;
        capacity = other.capacity;
        size = other.size;
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
        if (++size > capacity) {
            throw new IllegalStateException("pair set full: capacity " + capacity);
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
        size--;
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
