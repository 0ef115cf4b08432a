package org.circuitgrammar.motifs.pipeline;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.NullResult.FamilyRows;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * {@code summary.csv} (RFC 4180, header row): one row per graph × null × view × motif class, with every statistic of
 * {@link MotifRow}; the null column is {@value #NO_NULL} on a counts-only run. Undefined numbers are empty cells with
 * the first reason in {@code undefined_reason}.
 */
public final class SummaryCsv {
    /** The columns. */
    public static final List<String> COLUMNS = List.of("graph", "sha256", "null", "view", "family", "motif",
            "observed", "null_mean", "null_sd", "z", "log2_ratio", "log2_ratio_low", "log2_ratio_high",
            "concentration", "null_concentration", "sp", "p", "p_kind", "q", "role", "determined_by",
            "undefined_reason");
    /** The null column of rows from a counts-only run ({@code -n 0}). */
    public static final String NO_NULL = "none";

    private SummaryCsv() {
    }

    /** Writes {@code summary.csv} of {@code results} into {@code dir} atomically. */
    public static void write(Path dir, List<CensusResult> results) throws IOException {
        AtomicWrite.write(dir.resolve(CensusStore.SUMMARY), stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                    .setHeader(COLUMNS.toArray(String[]::new)).get());
            for (CensusResult r : results) {
                String graph = r.graph().path();
                String sha = r.graph().sha256();
                if (r.nulls().isEmpty()) {
                    for (CensusResult.ObservedFamily o : r.observed()) {
                        for (int c = 0; c < o.labels().size(); c++) {
                            List<Object> cells = new ArrayList<>(List.of(graph, sha, NO_NULL, viewOf(r, o),
                                    o.family().id(), o.labels().get(c), o.counts().get(c)));
                            while (cells.size() < COLUMNS.size() - 1) {
                                cells.add("");
                            }
                            cells.add("no null samples (n = 0)");
                            csv.printRecord(cells);
                        }
                    }
                }
                for (NullResult n : r.nulls()) {
                    for (FamilyRows f : n.families()) {
                        for (MotifRow row : f.rows()) {
                            csv.printRecord(graph, sha, n.nullModel().cliName(), n.view(), f.family().id(),
                                    row.label(), row.observed(), number(row.nullMean()), number(row.nullSd()),
                                    cell(row.z()), cell(row.log2Ratio()), cell(row.log2RatioLow()),
                                    cell(row.log2RatioHigh()), cell(row.concentration()),
                                    cell(row.nullConcentration()), cell(row.sp()), cell(row.p()),
                                    n.pValues().name().toLowerCase(java.util.Locale.ROOT), cell(row.q()),
                                    row.role().name().toLowerCase(java.util.Locale.ROOT),
                                    row.determinedBy() == null ? "" : row.determinedBy(), firstReason(row));
                        }
                    }
                }
            }
            csv.flush();
        });
    }

    private static String viewOf(CensusResult r, CensusResult.ObservedFamily o) {
        return r.graph().views().stream().filter(v -> v.families().contains(o.family()))
                .map(v -> v.name()).findFirst().orElse("");
    }

    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "";
    }

    private static String cell(Statistic s) {
        return s instanceof Statistic.Defined d ? Double.toString(d.value()) : "";
    }

    /** The reason of the first undefined statistic a reader would look for, in column order. */
    private static String firstReason(MotifRow row) {
        for (Statistic s : new Statistic[] {row.z(), row.log2Ratio(), row.sp(), row.p(), row.q()}) {
            if (s instanceof Statistic.Undefined u) {
                return u.reason();
            }
        }
        return "";
    }
}
