package org.circuitgrammar.reports.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.RowRole;

/**
 * The significance profile of one graph under one null as the comparisons use it: every defined SP entry of an
 * independent row, of every family, keyed {@code family/label}. Each family's entries are normalised within the
 * family by the census (Milo et al. 2004), so each family weighs one unit in a cosine; determined and constant rows
 * carry no entry (they are not separate statistics).
 */
public final class SignificanceProfiles {
    private SignificanceProfiles() {
    }

    /** The profile of {@code result} under {@code kind}; empty when the null was not run or has no entry. */
    public static Map<String, Double> of(CensusResult result, NullKind kind) {
        Map<String, Double> out = new LinkedHashMap<>();
        NullResult nr = result.nullResult(kind).orElse(null);
        if (nr == null) {
            return out;
        }
        for (NullResult.FamilyRows f : nr.families()) {
            for (MotifRow row : f.rows()) {
                if (row.role() == RowRole.INDEPENDENT && row.sp().isDefined()) {
                    out.put(new MotifKey(f.family(), row.label()).toString(), row.sp().value());
                }
            }
        }
        return out;
    }
}
