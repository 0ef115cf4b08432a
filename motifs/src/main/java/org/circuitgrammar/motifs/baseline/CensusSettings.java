package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circuitgrammar.motifs.result.CensusSpec;

/**
 * Whether two census results are comparable: same settings except the seed. A different seed draws other null
 * samples of the same null, which is sampling noise a grammar check must tolerate; any other field (null models,
 * samples, sweeps, families, profile, the analysed view) changes what the numbers mean.
 */
public final class CensusSettings {
    private CensusSettings() {
    }

    /** Every setting other than the seed in which {@code a} and {@code b} differ, as "name a vs b"; empty if none. */
    public static List<String> differences(CensusSpec a, CensusSpec b) {
        List<String> out = new ArrayList<>();
        compare(out, "profile", a.profile(), b.profile());
        compare(out, "families", a.families(), b.families());
        compare(out, "nulls", a.nulls(), b.nulls());
        compare(out, "samples", a.samples(), b.samples());
        compare(out, "sweeps per sample", a.sweepsPerSample(), b.sweepsPerSample());
        compare(out, "keep errors", a.keepErrors(), b.keepErrors());
        compare(out, "threshold", a.threshold(), b.threshold());
        compare(out, "top edges", a.topEdges(), b.topEdges());
        compare(out, "max layer gap", a.maxLayerGap(), b.maxLayerGap());
        return out;
    }

    private static void compare(List<String> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(name + " " + a + " vs " + b);
        }
    }
}
