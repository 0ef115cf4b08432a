package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;

/**
 * Which edge slot fills each occupied (row, column) cell of one adjacency group: an int per cell when the group has
 * at most {@link #ARRAY_LIMIT} cells, else an open-addressing hash of packed cells with linear probing and
 * backward-shift deletion, sized once for the group's edge count. Used by the lpc-sign chain, whose sign exchanges
 * must find the opposite-sign edges in two cells. All operations {@code O(1)} (expected for the hash). Not
 * thread-safe.
 */
final class CellSlots {
    /** Largest group stored as a plain array: 2^20 cells = 4 MiB. */
    static final long ARRAY_LIMIT = 1L << 20;
    private static final long EMPTY = -1L;

    private final int columns;
    private final int[] slotOfCell;     // array form, or null
    private final long[] keys;          // hash form, or null
    private final int[] values;
    private final int mask;
    private final int shift;

    CellSlots(int rows, int columns, int capacity) {
        this.columns = columns;
        long cells = (long) rows * columns;
        if (cells <= ARRAY_LIMIT) {
            slotOfCell = new int[(int) cells];
            keys = null;
            values = null;
            mask = 0;
            shift = 0;
        } else {
            slotOfCell = null;
            int slots = Integer.highestOneBit(Math.max(4, capacity) * 4 - 1) << 1;      // load factor <= 1/4
            keys = new long[slots];
            Arrays.fill(keys, EMPTY);
            values = new int[slots];
            mask = slots - 1;
            shift = Long.numberOfLeadingZeros(slots) + 1;
        }
    }

    /** An independent copy (array copies, no rehashing). */
    CellSlots copy() {
        return new CellSlots(this);
    }

    private CellSlots(CellSlots other) {
        columns = other.columns;
        slotOfCell = other.slotOfCell == null ? null : other.slotOfCell.clone();
        keys = other.keys == null ? null : other.keys.clone();
        values = other.values == null ? null : other.values.clone();
        mask = other.mask;
        shift = other.shift;
    }

    /** The slot in an occupied cell (undefined for an empty one). */
    int get(int row, int column) {
        long cell = (long) row * columns + column;
        if (slotOfCell != null) {
            return slotOfCell[(int) cell];
        }
        int i = home(cell);
        while (keys[i] != cell) {
            i = (i + 1) & mask;
        }
        return values[i];
    }

    /** Records that {@code slot} fills the cell, which must be empty in the hash form or is overwritten. */
    void put(int row, int column, int slot) {
        long cell = (long) row * columns + column;
        if (slotOfCell != null) {
            slotOfCell[(int) cell] = slot;
            return;
        }
        int i = home(cell);
        while (keys[i] != EMPTY && keys[i] != cell) {
            i = (i + 1) & mask;
        }
        keys[i] = cell;
        values[i] = slot;
    }

    /** Empties an occupied cell. */
    void remove(int row, int column) {
        if (slotOfCell != null) {
            return;             // the array form needs no clearing: only occupied cells are ever read
        }
        long cell = (long) row * columns + column;
        int i = home(cell);
        while (keys[i] != cell) {
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int h = home(keys[j]);
            boolean movable = hole <= j ? (h <= hole || h > j) : (h <= hole && h > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
    }

    private int home(long cell) {
        return (int) ((cell * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
