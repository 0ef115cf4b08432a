package org.circuitgrammar.motifs.nulls;

import java.util.Arrays;

/**
 * The cells (local row, local column) of one adjacency group that a {@link CellRule} allows, self-loops excluded.
 * Columns are sorted by token position once, so for each row the allowed columns are at most three ranges of that
 * order (before, at, after the row's position): {@link #count(boolean[])} costs {@code O(rows · log columns)} and
 * {@link #forEach} {@code O(rows + allowed cells)}, never visiting a forbidden cell.
 */
final class AllowedCells {
    /** Receives one allowed cell. */
    interface CellConsumer {
        void accept(int row, int column);
    }

    private final int[] rowNode;
    private final int[] columnNode;
    private final int[] position;
    private final int orders;
    private final int[] columnPositions;   // sorted
    private final int[] columnsByPosition;  // local columns in that order

    /**
     * @param rowNode    node of each local row
     * @param columnNode node of each local column
     * @param position   token position of every node
     * @param rule       a {@link CellRule} code
     */
    AllowedCells(int[] rowNode, int[] columnNode, int[] position, int rule) {
        this.rowNode = rowNode;
        this.columnNode = columnNode;
        this.position = position;
        this.orders = CellRule.orderMask(rule);
        long[] keyed = new long[columnNode.length];
        for (int c = 0; c < keyed.length; c++) {
            keyed[c] = (long) position[columnNode[c]] << 32 | c;
        }
        Arrays.sort(keyed);
        columnPositions = new int[keyed.length];
        columnsByPosition = new int[keyed.length];
        for (int i = 0; i < keyed.length; i++) {
            columnPositions[i] = (int) (keyed[i] >> 32);
            columnsByPosition[i] = (int) keyed[i];
        }
    }

    /**
     * The number of allowed cells.
     *
     * @param nodeScratch one flag per node of the graph, all false; left all false
     */
    long count(boolean[] nodeScratch) {
        boolean same = (orders & 0b010) != 0;
        for (int v : columnNode) {
            nodeScratch[v] = true;
        }
        long cells = 0;
        for (int v : rowNode) {
            int before = lowerBound(position[v]);
            int through = lowerBound(position[v] + 1);
            cells += ((orders & 0b100) != 0 ? before : 0) + (same ? through - before : 0)
                    + ((orders & 0b001) != 0 ? columnsByPosition.length - through : 0);
            if (same && nodeScratch[v]) {
                cells--;                        // the self-loop cell
            }
        }
        for (int v : columnNode) {
            nodeScratch[v] = false;
        }
        return cells;
    }

    /** Every allowed cell, row by row and, within a row, by the column's position. */
    void forEach(CellConsumer action) {
        for (int r = 0; r < rowNode.length; r++) {
            int v = rowNode[r];
            int before = lowerBound(position[v]);
            int through = lowerBound(position[v] + 1);
            if ((orders & 0b100) != 0) {
                emit(r, v, 0, before, action);
            }
            if ((orders & 0b010) != 0) {
                emit(r, v, before, through, action);
            }
            if ((orders & 0b001) != 0) {
                emit(r, v, through, columnsByPosition.length, action);
            }
        }
    }

    private void emit(int r, int v, int from, int to, CellConsumer action) {
        for (int i = from; i < to; i++) {
            int c = columnsByPosition[i];
            if (columnNode[c] != v) {
                action.accept(r, c);
            }
        }
    }

    /** The first index whose column position is ≥ {@code p}. */
    private int lowerBound(int p) {
        int lo = 0;
        int hi = columnPositions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (columnPositions[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
