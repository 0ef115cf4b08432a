package org.circuitgrammar.motifs.stats;

/**
 * Which motif rows of one null ensemble are separate statistics. Each row is a column of counts: the observed count
 * followed by the n null samples. A row is
 * <ul>
 *   <li><b>constant</b> if the null holds it at the observed count (every sample equals it): nothing to test;</li>
 *   <li><b>determined by</b> an earlier independent row r if it is an exact affine function {@code a + b·r} of it
 *       over the observed graph and every sample, checked in exact integer arithmetic. Such a row has the same |Z|
 *       and p as r: under every DAG- and degree-preserving null 021D, 021U, 021C and 003 are {@code c − 030T} and 012
 *       is {@code c + 3·030T}, so the 3-node census has one degree of freedom;</li>
 *   <li><b>independent</b> otherwise (a constant null that misses the observed count is independent: the count lies
 *       outside the null's support, which is a finding).</li>
 * </ul>
 * Rows are visited in the caller's priority order, so the caller decides which row of a tied set is the statistic
 * (030T before the open triads). Only pairwise relations are found: a row that is a sum of several others (a
 * coherent-FFL total and its four types) stays independent. {@code O(k · i · n)} for k rows and i independent rows,
 * usually ending at the first few samples of a pair.
 */
public final class RowDependence {
    /** Marks a constant row in {@link #of}'s result. */
    public static final int CONSTANT = -2;
    /** Marks an independent row. */
    public static final int INDEPENDENT = -1;

    private RowDependence() {
    }

    /**
     * For each row: {@link #INDEPENDENT}, {@link #CONSTANT} or the index of the independent row that determines it.
     *
     * @param columns  {@code columns[r][0]} observed, {@code columns[r][1..n]} the samples; all of one length ≥ 2
     * @param priority row indices in the order they are to be visited (a permutation of the rows)
     */
    public static int[] of(long[][] columns, int[] priority) {
        int k = columns.length;
        int[] out = new int[k];
        int[] independent = new int[k];
        int independents = 0;
        for (int r : priority) {
            long[] col = columns[r];
            if (isConstant(col)) {
                out[r] = CONSTANT;
                continue;
            }
            out[r] = INDEPENDENT;
            for (int i = 0; i < independents; i++) {
                if (affine(columns[independent[i]], col)) {
                    out[r] = independent[i];
                    break;
                }
            }
            if (out[r] == INDEPENDENT) {
                independent[independents++] = r;
            }
        }
        return out;
    }

    private static boolean isConstant(long[] col) {
        for (long x : col) {
            if (x != col[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * True iff {@code y = a + b·x} exactly at every index, for the non-constant {@code x}: with a reference index
     * where x differs from x[0], cross-multiplied differences must agree.
     */
    static boolean affine(long[] x, long[] y) {
        int ref = 1;
        while (x[ref] == x[0]) {
            ref++;
        }
        long dx = x[ref] - x[0];
        long dy = y[ref] - y[0];
        try {
            for (int t = 1; t < x.length; t++) {
                if (Math.multiplyExact(y[t] - y[0], dx) != Math.multiplyExact(x[t] - x[0], dy)) {
                    return false;
                }
            }
        } catch (ArithmeticException overflow) {
            return false;
        }
        return true;
    }
}
