package org.circuitgrammar.motifs.stats;

import java.util.List;

/**
 * The DAG triad identity: under any null that preserves every in- and out-degree and creates neither mutual edges
 * nor directed 3-cycles (every layer-pair null on a layered DAG: {@code lpc}, {@code lpc-shuffle}, {@code lpc-sign},
 * {@code lpc-position}),
 *
 * <pre>
 *   021U = Σ_v C(in_v, 2) − 030T      021D = Σ_v C(out_v, 2) − 030T      021C = Σ_v in_v · out_v − 030T
 * </pre>
 *
 * in the observed graph and in every null sample, with the same degree sums. Hence each of 021U, 021C, 021D equals a
 * constant minus the FFL count 030T, and {@code Z(021U) = Z(021C) = Z(021D) = −Z(030T)} and their p-values are equal.
 * {@link NullMoments} computes Z so that this holds bit for bit, not only up to rounding. The empty and one-edge
 * triads are tied too: with n, m and the degrees fixed, {@code 012 = m(n−2) − 2(021U + 021C + 021D) − 3·030T =
 * c + 3·030T} and {@code 003 = C(n,3) − (all others) = c' − 030T}, so {@code Z(003) = −Z(030T)} exactly and
 * {@code Z(012) = Z(030T)} up to rounding. The whole triad profile of such a null is therefore one number: one
 * finding, not six (circuit-motifs' "fan-in, fan-out and chain are depleted exactly as much as FFLs are enriched"). ER, LP-ER and the configuration null do not preserve all of
 * degrees and acyclicity, and the identity does not hold under them.
 */
public final class DagTriadIdentity {
    /** The three open triads tied to the FFL, in Holland–Leinhardt (MAN) names. */
    public static final List<String> OPEN_TRIADS = List.of("021U", "021C", "021D");
    /** The feed-forward loop. */
    public static final String FFL = "030T";

    private DagTriadIdentity() {
    }

    /**
     * True iff the four classes are present in {@code triads}, their Z-scores are defined, and
     * {@code Z(021U) = Z(021C) = Z(021D) = −Z(030T)} exactly.
     */
    public static boolean holds(FamilyStatistics triads) {
        int ffl = triads.labels().indexOf(FFL);
        if (ffl < 0 || !triads.z().get(ffl).isDefined()) {
            return false;
        }
        double minusFfl = -triads.z().get(ffl).value();
        for (String open : OPEN_TRIADS) {
            int c = triads.labels().indexOf(open);
            if (c < 0 || !triads.z().get(c).isDefined() || triads.z().get(c).value() != minusFfl) {
                return false;
            }
        }
        return true;
    }
}
