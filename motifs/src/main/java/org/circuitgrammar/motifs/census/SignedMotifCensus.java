package org.circuitgrammar.motifs.census;

import java.util.List;
import java.util.stream.Stream;
import org.circuitgrammar.motifs.grammar.FflSignType;

/**
 * Signed 3-node motifs (family {@code signed}): the eight sign patterns of the feed-forward loop and the sign
 * pairs of chains, fan-outs and fan-ins. All are induced triads, so they partition the census: the eight FFL
 * entries sum to 030T, the chains to 021C, the fan-outs to 021D, the fan-ins to 021U. An edge is negative iff its
 * weight is {@code < 0}; a zero weight counts as positive.
 *
 * <p>FFL roles: X has two out-edges in the triad, Y one in and one out, Z two in-edges. Writing the signs in the
 * order (X→Y, Y→Z, X→Z), an FFL is <b>coherent</b> iff sign(X→Z) = sign(X→Y)·sign(Y→Z) (the direct and the
 * indirect path agree), else <b>incoherent</b>. Types after Mangan &amp; Alon (PNAS 2003, Fig. 1), as
 * {@link FflSignType} defines them (the first eight labels are its constants in order):
 * <pre>
 *   C1 + + +    C2 − + −    C3 + − −    C4 − − +
 *   I1 + − +    I2 − − −    I3 + + −    I4 − + +
 * </pre>
 * Chains X→Y→Z are split by the ordered pair (X→Y, Y→Z): {@code chain++}, {@code chain+-}, {@code chain-+},
 * {@code chain--}; fans by the unordered pair of their two edges: {@code fanout++}, {@code fanout+-},
 * {@code fanout--}, and likewise {@code fanin…}. Last come {@code coherent} (C1 + … + C4) and {@code incoherent}
 * (I1 + … + I4): the sums the headline question is about, counted per sample so that they get their own null
 * distribution.
 */
public final class SignedMotifCensus extends ThreeNodeFamily {
    /** The family name on the command line. */
    public static final String FAMILY = "signed";
    private static final int COHERENT = 18;
    /** The {@link FflSignType} ordinal of each FFL attribute bucket {@code a(X→Y) | a(Y→Z) << 2 | a(X→Z) << 4}. */
    private static final int[] FFL_TYPE = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            FFL_TYPE[k] = FflSignType.of(signOf(k & 3), signOf(k >> 2 & 3), signOf(k >> 4)).ordinal();
        }
    }
    private static final List<String> LABELS = Stream.concat(Stream.of(FflSignType.values()).map(Enum::name),
            Stream.of("chain++", "chain+-", "chain-+", "chain--", "fanout++", "fanout+-", "fanout--",
                    "fanin++", "fanin+-", "fanin--", "coherent", "incoherent")).toList();

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public long[] project(ThreeNodeCounts c) {
        long[] r = new long[LABELS.size()];
        for (int xy = 0; xy < 4; xy++) {
            for (int yz = 0; yz < 4; yz++) {
                for (int xz = 0; xz < 4; xz++) {
                    r[FFL_TYPE[xy | yz << 2 | xz << 4]] += c.ffl(xy, yz, xz);
                }
            }
        }
        int k = 8;
        for (int xy = 0; xy < 2; xy++) {
            for (int yz = 0; yz < 2; yz++) {
                for (int kinds = 0; kinds < 4; kinds++) {
                    r[k] += c.chain(xy | (kinds & 1) << 1, yz | (kinds & 2));
                }
                k++;
            }
        }
        for (int negatives = 0; negatives <= 2; negatives++) {
            int signA = negatives >= 1 ? 1 : 0;
            int signB = negatives == 2 ? 1 : 0;
            for (int kindA = 0; kindA < 2; kindA++) {
                // equal signs: the two edges are interchangeable, so take each unordered kind pair once
                for (int kindB = signA == signB ? kindA : 0; kindB < 2; kindB++) {
                    r[k] += c.fanOut(signA | kindA << 1, signB | kindB << 1);
                    r[k + 3] += c.fanIn(signA | kindA << 1, signB | kindB << 1);
                }
            }
            k++;
        }
        for (FflSignType type : FflSignType.values()) {
            r[type.isCoherent() ? COHERENT : COHERENT + 1] += r[type.ordinal()];
        }
        return r;
    }

    /** A weight with the sign of attribute {@code a}. */
    private static double signOf(int a) {
        return (a & ThreeNodeCounts.NEGATIVE) != 0 ? -1 : 1;
    }
}
