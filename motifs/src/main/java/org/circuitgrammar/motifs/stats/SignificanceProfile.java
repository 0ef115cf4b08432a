package org.circuitgrammar.motifs.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The significance profile of Milo et al. (2004): the Z-vector of one motif family scaled to unit length,
 * {@code SP_i = Z_i / sqrt(Σ_j Z_j²)}, so graphs of different sizes can be compared by the shape of their profile.
 *
 * <p>Undefined Z-scores (constant null ensembles) are left out of the norm and stay undefined in the profile, with
 * the Z's reason. This differs from circuit-motifs, which turns them into 0 or ±100 sentinels that then dominate the
 * norm: a class the null cannot vary carries no evidence of over- or under-representation, so it must neither count
 * as zero nor as a huge deviation. If every defined Z is 0 (or none is defined) there is no direction to scale to and
 * every entry is undefined. Comparing profiles of two graphs is only meaningful over the classes defined in both.
 * {@code O(k)} for k classes.
 */
public final class SignificanceProfile {
    private SignificanceProfile() {
    }

    /** The profile of {@code zScores}, in the same order. */
    public static List<Statistic> of(List<Statistic> zScores) {
        double squares = 0;
        int defined = 0;
        for (Statistic z : zScores) {
            if (z instanceof Statistic.Defined d) {
                squares += d.value() * d.value();
                defined++;
            }
        }
        double norm = Math.sqrt(squares);
        List<Statistic> profile = new ArrayList<>(zScores.size());
        for (Statistic z : zScores) {
            if (z instanceof Statistic.Undefined u) {
                profile.add(Statistic.undefined("Z undefined: " + u.reason()));
            } else if (norm == 0) {
                profile.add(Statistic.undefined(defined == 0 ? "no defined Z in the family"
                        : "every defined Z of the family is 0, the profile has no direction"));
            } else {
                profile.add(Statistic.of(z.value() / norm));
            }
        }
        return List.copyOf(profile);
    }
}
