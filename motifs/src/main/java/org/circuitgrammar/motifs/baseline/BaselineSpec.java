package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.corpus.provenance.StepConfig;
import org.circuitgrammar.motifs.result.CensusSpec;

/**
 * Everything that determines a grammar baseline besides its census results: recorded in its provenance.
 *
 * @param groupBy              grouping keys ({@link org.circuitgrammar.motifs.result.GraphInfo#attribute}); a
 *                             graph's group is their values joined by {@code /}; empty = one group {@code all}
 * @param resamples            bootstrap resamples per interval
 * @param seed                 seed of the bootstrap (the check draws its own intervals from it too)
 * @param nearDuplicateJaccard node-set Jaccard at or above which two graphs of a group count once
 * @param census               the census settings every result of the baseline was made with (its seed is that of
 *                             the first result; results whose settings differ only by seed are accepted)
 * @param mixedSettings        true iff the baseline was built from results made with differing census settings,
 *                             which the user allowed explicitly
 */
public record BaselineSpec(List<String> groupBy, int resamples, long seed, double nearDuplicateJaccard,
                           CensusSpec census, boolean mixedSettings) implements StepConfig {
    /** The step name in provenance. */
    public static final String STEP = "grammar-baseline";
    /** Default bootstrap resamples: the 2.5 % and 97.5 % order statistics then rest on 50 draws each. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The group of every graph when no key is given. */
    public static final String ALL_GROUP = "all";

    public BaselineSpec {
        groupBy = List.copyOf(groupBy);
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 100: " + resamples);
        }
        if (!(nearDuplicateJaccard > 0 && nearDuplicateJaccard <= 1)) {
            throw new IllegalArgumentException("near-duplicate Jaccard must be in (0, 1]: " + nearDuplicateJaccard);
        }
        Objects.requireNonNull(census, "census");
    }

    @Override
    public String step() {
        return STEP;
    }
}
