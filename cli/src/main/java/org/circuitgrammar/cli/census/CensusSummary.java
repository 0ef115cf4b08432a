package org.circuitgrammar.cli.census;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.circuitgrammar.cli.census.CensusFile.ClassRow;
import org.circuitgrammar.cli.census.CensusFile.FamilyRows;
import org.circuitgrammar.cli.census.CensusFile.NullSection;
import org.circuitgrammar.cli.census.CensusFile.ObservedFamily;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.motifs.stats.BenjaminiHochberg;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * The end of a census run: Benjamini–Hochberg q-values over the run, written back into every graph's file, and
 * {@code summary.csv} with one row per graph × null × motif class.
 *
 * <p>The FDR family is one null model: every defined p-value of that null over all motif families, classes and
 * graphs of the run (reused results included). Different nulls ask different questions of the same counts, so
 * they are not pooled. Undefined p-values (no samples) are not tests and do not raise m. Classes whose null is
 * constant and equal to the observed count have p = 1 and do enter the family, which keeps BH conservative rather
 * than choosing the family after looking at the data. Motif counts of one graph are dependent and BH's PRDS
 * condition is not guaranteed for them, so q is a screening measure, not a proof of FDR control.
 */
public final class CensusSummary {
    /** The columns of {@code summary.csv}. */
    public static final List<String> COLUMNS = List.of("graph", "sha256", "null", "view", "family", "motif",
            "observed", "null_mean", "null_sd", "z", "sp", "p", "q", "undefined_reason");
    /** The null column of rows from a counts-only run ({@code -n 0}). */
    public static final String NO_NULL = "none";

    private CensusSummary() {
    }

    /** A graph's result file and where it lives. */
    public record Entry(Path path, CensusFile file) {
    }

    /** Returns {@code entries} with q-values filled in, in the same order. */
    public static List<Entry> withQValues(List<Entry> entries) {
        Map<String, List<Statistic>> pByNull = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (NullSection n : e.file().nulls()) {
                List<Statistic> ps = pByNull.computeIfAbsent(n.nullModel(), k -> new ArrayList<>());
                for (FamilyRows f : n.families()) {
                    for (ClassRow r : f.classes()) {
                        ps.add(r.p() != null ? Statistic.of(r.p()) : Statistic.undefined(r.pUndefined()));
                    }
                }
            }
        }
        Map<String, List<Statistic>> qByNull = new LinkedHashMap<>();
        Map<String, Integer> next = new LinkedHashMap<>();
        pByNull.forEach((k, ps) -> {
            qByNull.put(k, BenjaminiHochberg.adjust(ps));
            next.put(k, 0);
        });
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            List<NullSection> nulls = new ArrayList<>();
            for (NullSection n : e.file().nulls()) {
                List<Statistic> qs = qByNull.get(n.nullModel());
                List<FamilyRows> families = new ArrayList<>();
                for (FamilyRows f : n.families()) {
                    List<ClassRow> rows = new ArrayList<>();
                    for (ClassRow r : f.classes()) {
                        int i = next.merge(n.nullModel(), 1, Integer::sum) - 1;
                        Statistic q = qs.get(i);
                        rows.add(r.withQ(GraphCensus.number(q), GraphCensus.reason(q)));
                    }
                    families.add(new FamilyRows(f.family(), rows));
                }
                nulls.add(new NullSection(n.nullModel(), n.view(), n.samples(), n.sweepsPerSample(),
                        n.acceptanceRate(), n.diagnostics(), n.dagTriadIdentity(), families));
            }
            CensusFile f = e.file();
            String qFamily = nulls.isEmpty() ? f.qFamily()
                    : "Benjamini-Hochberg per null model over every defined p of that null across all motif classes "
                        + "of the " + entries.size() + " graphs of this run";
            out.add(new Entry(e.path(), new CensusFile(f.formatVersion(), f.resultKey(), f.graph(), f.observed(),
                    nulls, qFamily, f.provenance())));
        }
        return out;
    }

    /** Writes {@code summary.csv} (RFC 4180, header row) into {@code dir} atomically. */
    public static void writeCsv(Path dir, List<Entry> entries) throws IOException {
        AtomicWrite.write(dir.resolve(CensusStore.SUMMARY), stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                    .setHeader(COLUMNS.toArray(String[]::new)).get());
            for (Entry e : entries) {
                CensusFile f = e.file();
                String graph = f.graph().path();
                String sha = f.graph().sha256();
                if (f.nulls().isEmpty()) {
                    for (ObservedFamily o : f.observed()) {
                        for (int c = 0; c < o.labels().size(); c++) {
                            csv.printRecord(graph, sha, NO_NULL, viewOf(f, o.family()), o.family(),
                                    o.labels().get(c), o.counts().get(c), "", "", "", "", "", "",
                                    "no null samples (-n 0)");
                        }
                    }
                }
                for (NullSection n : f.nulls()) {
                    for (FamilyRows fam : n.families()) {
                        for (ClassRow r : fam.classes()) {
                            csv.printRecord(graph, sha, n.nullModel(), n.view(), fam.family(), r.label(),
                                    r.observed(), cell(r.nullMean()), cell(r.nullSd()), cell(r.z()), cell(r.sp()),
                                    cell(r.p()), cell(r.q()), firstReason(r));
                        }
                    }
                }
            }
            csv.flush();
        });
    }

    private static String viewOf(CensusFile f, String family) {
        return f.graph().views().stream().filter(v -> v.families().contains(family))
                .map(CensusFile.ViewSection::name).findFirst().orElse("");
    }

    private static String cell(Double x) {
        return x == null ? "" : Double.toString(x);
    }

    private static String firstReason(ClassRow r) {
        for (String reason : new String[] {r.zUndefined(), r.spUndefined(), r.pUndefined(), r.qUndefined()}) {
            if (reason != null) {
                return reason;
            }
        }
        return "";
    }
}
