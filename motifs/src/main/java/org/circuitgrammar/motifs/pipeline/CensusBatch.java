package org.circuitgrammar.motifs.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.NullResult.FamilyRows;
import org.circuitgrammar.motifs.stats.BenjaminiHochberg;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * The end of a census batch: Benjamini–Hochberg q-values over the batch.
 *
 * <p>The FDR family of a null model is one entry per independent hypothesis: every {@link MotifRow#inFdrFamily()
 * independent} row with a defined p, over every family and graph of the batch (reused results included). Rows
 * determined by another row (the tied triads), classes the null holds constant and rows without samples are not
 * hypotheses and get no q, with the reason. Different nulls ask different questions of the same counts, so they are
 * not pooled. Motif counts of one graph are dependent and BH's PRDS condition is not guaranteed for them, so q is a
 * screening measure, not a proof of FDR control. {@code O(R log R)} for R rows.
 */
public final class CensusBatch {
    private CensusBatch() {
    }

    /** {@code results} with q-values filled in, in the same order. */
    public static List<CensusResult> withQValues(List<CensusResult> results) {
        Map<NullKind, List<Statistic>> pByNull = new LinkedHashMap<>();
        for (CensusResult r : results) {
            for (NullResult n : r.nulls()) {
                List<Statistic> ps = pByNull.computeIfAbsent(n.nullModel(), k -> new ArrayList<>());
                for (FamilyRows f : n.families()) {
                    for (MotifRow row : f.rows()) {
                        if (row.inFdrFamily()) {
                            ps.add(row.p());
                        }
                    }
                }
            }
        }
        Map<NullKind, List<Statistic>> qByNull = new LinkedHashMap<>();
        Map<NullKind, Integer> next = new LinkedHashMap<>();
        StringJoiner sizes = new StringJoiner(", ");
        pByNull.forEach((k, ps) -> {
            qByNull.put(k, BenjaminiHochberg.adjust(ps));
            next.put(k, 0);
            sizes.add(k.cliName() + " m = " + ps.size());
        });
        String family = "Benjamini-Hochberg per null model over one entry per independent hypothesis: the "
                + "independent rows with a defined p of every motif family of the " + results.size()
                + " graph(s) of this batch (" + sizes + "); rows determined by another row, classes the null holds "
                + "constant and rows without samples are not hypotheses";
        List<CensusResult> out = new ArrayList<>(results.size());
        for (CensusResult r : results) {
            if (r.nulls().isEmpty()) {
                out.add(r);
                continue;
            }
            List<NullResult> nulls = new ArrayList<>();
            for (NullResult n : r.nulls()) {
                List<Statistic> qs = qByNull.get(n.nullModel());
                List<FamilyRows> families = new ArrayList<>();
                for (FamilyRows f : n.families()) {
                    List<MotifRow> rows = new ArrayList<>();
                    for (MotifRow row : f.rows()) {
                        rows.add(row.inFdrFamily()
                                ? row.withQ(qs.get(next.merge(n.nullModel(), 1, Integer::sum) - 1)) : row);
                    }
                    families.add(new FamilyRows(f.family(), f.spNote(), rows));
                }
                nulls.add(new NullResult(n.nullModel(), n.view(), n.samples(), n.sweepsPerSample(),
                        n.acceptanceRate(), n.diagnostics(), n.notRunReason(), n.pValues(), families));
            }
            out.add(r.withNulls(nulls, family));
        }
        return out;
    }
}
