package org.circuitgrammar.motifs.stats;

/**
 * Mean and population standard deviation of one motif count over a null ensemble, with the Z-score of an observed
 * count against them.
 *
 * <p>Arithmetic is arranged so that <em>mirrored ensembles give exactly negated Z-scores</em>. Counts are first
 * shifted by the first null sample {@code r} (exact in long arithmetic, and Z does not change under a shift); with
 * {@code S} the integer sum of the {@code n} shifted samples {@code x_i}, every deviation is the exact integer
 * {@code d_i = n·x_i − S}, the variance is {@code Σ d_i² / n³} and {@code Z = (n·obs − S) / sqrt(Σ d_i² / n)}. If
 * another class satisfies {@code y_i = c − x_i} in every sample and {@code obs_y = c − obs_x} (the DAG identity, see
 * {@link RowDependence}), its shifted values, its {@code d_i} and its numerator are exactly negated, its squares
 * bitwise equal, and its Z is bitwise {@code −Z}. A naive {@code mean = S/n; Σ(x − mean)²} loses this in the last
 * bit.
 *
 * <p>{@code O(n)}. Falls back to plain double arithmetic (same formulas, exact identity no longer guaranteed) only
 * when the spread of the counts times n exceeds about {@code 2·10^18}.
 *
 * @param samples the ensemble size n
 * @param mean    the null mean; NaN when {@code n = 0}
 * @param sd      the population standard deviation (divisor n, as circuit-motifs and Milo et al.); NaN when n = 0
 */
public record NullMoments(int samples, double mean, double sd) {

    /** Moments of {@code nulls} (not modified). */
    public static NullMoments of(long[] nulls) {
        int n = nulls.length;
        if (n == 0) {
            return new NullMoments(0, Double.NaN, Double.NaN);
        }
        long reference = nulls[0];
        long[] shifted = shifted(nulls, reference, n);
        if (shifted == null) {
            return inDoubles(nulls);
        }
        long sum = sum(shifted);
        return new NullMoments(n, reference + (double) sum / n, Math.sqrt(deviationSquares(shifted, sum) / n) / n);
    }

    /**
     * The Z-score of {@code observed} against {@code nulls}: defined iff the ensemble is non-empty and not constant.
     * A constant ensemble gives {@link Statistic.Undefined} whether or not the observed count equals the constant
     * (the anchor returns 0 or ±∞/±100 there); the reason says which case it is.
     */
    public static Statistic zScore(long observed, long[] nulls) {
        int n = nulls.length;
        if (n == 0) {
            return Statistic.undefined("no null samples (n = 0)");
        }
        long reference = nulls[0];
        boolean constant = true;
        for (long x : nulls) {
            if (x != reference) {
                constant = false;
                break;
            }
        }
        if (constant) {
            return Statistic.undefined(observed == reference
                    ? "zero null spread: all " + n + " null samples equal the observed count " + observed
                    : "zero null spread: all " + n + " null samples are " + reference + ", observed " + observed
                        + " lies outside the null's support");
        }
        long[] shifted = shifted(nulls, reference, n);
        long shiftedObserved = shifted == null ? 0 : shift(observed, reference, n);
        if (shifted == null || shiftedObserved == Long.MIN_VALUE) {
            NullMoments m = inDoubles(nulls);
            return Statistic.of((observed - m.mean()) / m.sd());
        }
        long sum = sum(shifted);
        return Statistic.of((double) (n * shiftedObserved - sum) / Math.sqrt(deviationSquares(shifted, sum) / n));
    }

    /** Σ (n·x_i − S)², each deviation an exact long. */
    private static double deviationSquares(long[] xs, long sum) {
        int n = xs.length;
        double squares = 0;
        for (long x : xs) {
            double d = n * x - sum;
            squares += d * d;
        }
        return squares;
    }

    private static long sum(long[] xs) {
        long sum = 0;
        for (long x : xs) {
            sum += x;
        }
        return sum;
    }

    /** {@code xs − reference}, or null if some shifted value is too large for the exact path. */
    private static long[] shifted(long[] xs, long reference, int n) {
        long[] out = new long[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = shift(xs[i], reference, n);
            if (out[i] == Long.MIN_VALUE) {
                return null;
            }
        }
        return out;
    }

    /**
     * {@code x − reference} if it overflows nothing downstream ({@code |n·(x − r)|} and sums of n such values stay
     * below {@code 2^61}); otherwise {@link Long#MIN_VALUE}.
     */
    private static long shift(long x, long reference, int n) {
        long limit = Long.MAX_VALUE / 4 / n;
        try {
            long d = Math.subtractExact(x, reference);
            return d > limit || d < -limit ? Long.MIN_VALUE : d;
        } catch (ArithmeticException overflow) {
            return Long.MIN_VALUE;
        }
    }

    private static NullMoments inDoubles(long[] xs) {
        double n = xs.length;
        double mean = 0;
        for (long x : xs) {
            mean += x / n;
        }
        double squares = 0;
        for (long x : xs) {
            double d = x - mean;
            squares += d * d;
        }
        return new NullMoments(xs.length, mean, Math.sqrt(squares / n));
    }
}
