package org.circuitgrammar.reports.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.circuitgrammar.reports.stats.AverageLinkage;

/**
 * A {@link Comparison} as a readable table, as CSV (RFC 4180, one row per null × motif × group, the test columns
 * repeated on each row of the motif) and as JSON (the records as they are). Numbers in the table are rounded;
 * CSV and JSON keep full precision; undefined values are empty cells / JSON null.
 */
public final class ComparisonWriter {
    /** The CSV header. */
    public static final List<String> CSV_HEADER = List.of("null", "motif", "group", "n", "median_log2_ratio",
            "q1_log2_ratio", "q3_log2_ratio", "median_z", "q1_z", "q3_z", "test", "statistic", "p", "q", "effect_name", "effect");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ComparisonWriter() {
    }

    /** The comparison as JSON text. */
    public static String json(Comparison c) {
        try {
            return JSON.writeValueAsString(c) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comparison as CSV text. */
    public static String csv(Comparison c) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CSV_HEADER.toArray(String[]::new)).build())) {
            for (Comparison.NullComparison section : c.nulls()) {
                for (Comparison.MotifComparison m : section.motifs()) {
                    Comparison.GroupTest t = m.test();
                    for (Comparison.GroupSummary s : m.groups()) {
                        p.printRecord(section.nullModel(), m.motif(), s.group(), s.n(), cell(s.medianLog2Ratio()),
                                cell(s.q1Log2Ratio()), cell(s.q3Log2Ratio()), cell(s.medianZ()), cell(s.q1Z()), cell(s.q3Z()),
                                t == null ? "" : t.test(), t == null ? "" : t.statistic(), t == null ? "" : t.p(),
                                t == null ? "" : t.q(), t == null ? "" : t.effectName(), t == null ? "" : t.effect());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object cell(Double d) {
        return d == null ? "" : d;
    }

    /** The comparison as a table for the terminal, with the finding sentences of every null. */
    public static String table(Comparison c) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf(Locale.ROOT, "%d graph(s) grouped by %s: %s%n", c.graphs().size(), c.groupBy(),
                String.join(", ", c.groups().stream().map(g -> g + " (" + c.graphs().stream()
                        .filter(e -> e.group().equals(g)).count() + ")").toList()));
        if (!c.ungrouped().isEmpty()) {
            out.printf(Locale.ROOT, "without a %s (reported, not tested): %s%n", c.groupBy(),
                    String.join(", ", c.ungrouped()));
        }
        if (c.merged().isEmpty()) {
            out.println("near-duplicates merged: none");
        } else {
            for (Comparison.MergedGraphs m : c.merged()) {
                out.printf(Locale.ROOT, "near-duplicates merged: %s counted once as %s%n",
                        String.join(", ", m.merged()), m.kept());
            }
        }
        for (Comparison.NullComparison section : c.nulls()) {
            out.printf(Locale.ROOT, "%nnull %s: %d graph(s); %s%n", section.nullModel(), section.graphs(),
                    section.fdrFamily());
            out.printf(Locale.ROOT, "  %-22s %-16s %4s %24s %9s   %s%n", "motif", "group", "n",
                    "log2 ratio median [IQR]", "median Z", "test");
            for (Comparison.MotifComparison m : section.motifs()) {
                boolean first = true;
                for (Comparison.GroupSummary s : m.groups()) {
                    out.printf(Locale.ROOT, "  %-22s %-16s %4d %24s %9s   %s%n", first ? m.motif() : "",
                            s.group(), s.n(), medianIqr(s), fixed(s.medianZ(), "%.1f"),
                            first ? testText(m.test()) : "");
                    first = false;
                }
                if (m.leftOut() != null) {
                    out.printf(Locale.ROOT, "  %-22s %s%n", "", m.leftOut());
                }
            }
            if (!section.notTested().isEmpty()) {
                out.printf(Locale.ROOT, "  not tested (independent in no graph): %s%n",
                        String.join("; ", section.notTested()));
            }
            Comparison.ProfileSimilarity sim = section.profiles();
            out.println("  significance-profile cosine, mean within (diagonal) and between groups:");
            for (int i = 0; i < sim.groups().size(); i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "    %-16s", sim.groups().get(i)));
                for (Double v : sim.groupMeanCosine().get(i)) {
                    row.append(String.format(Locale.ROOT, " %7s", fixed(v, "%.3f")));
                }
                out.println(row);
            }
            topSplit(c, sim).ifPresent(out::println);
            for (String sentence : FindingSentences.of(section, c.groupBy())) {
                out.println("  " + sentence);
            }
        }
        out.flush();
        return text.toString();
    }

    /** The two clusters of the dendrogram's last merge and the groups in each, e.g. "clt 30, plt 2 | clt 8, plt 5". */
    private static java.util.Optional<String> topSplit(Comparison c, Comparison.ProfileSimilarity sim) {
        List<AverageLinkage.Merge> merges = sim.dendrogram();
        if (merges.isEmpty()) {
            return java.util.Optional.empty();
        }
        int n = sim.graphs().size();
        AverageLinkage.Merge top = merges.get(merges.size() - 1);
        List<String> sides = new java.util.ArrayList<>();
        for (int side : new int[] {top.left(), top.right()}) {
            java.util.Map<String, Integer> groups = new java.util.TreeMap<>();
            for (int leaf : AverageLinkage.leaves(merges, n, side)) {
                String name = sim.graphs().get(leaf);
                String group = c.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow()
                        .group();
                groups.merge(group, 1, Integer::sum);
            }
            sides.add(String.join(", ", groups.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .toList()));
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "  average linkage on 1 - cosine: the top split "
                + "(at %.3f) separates [%s] from [%s]", top.distance(), sides.get(0), sides.get(1)));
    }

    private static String medianIqr(Comparison.GroupSummary s) {
        if (s.medianLog2Ratio() == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", s.medianLog2Ratio(), s.q1Log2Ratio(),
                s.q3Log2Ratio());
    }

    private static String testText(Comparison.GroupTest t) {
        if (t == null) {
            return "not tested: fewer than two groups with " + Comparer.MIN_GROUP_SIZE + " graphs";
        }
        String stat = t.test().equals("mann-whitney") ? "U" : "H";
        String effect = t.effectName().equals("cliffs-delta") ? "δ" : "ε²";
        return String.format(Locale.ROOT, "%s %s=%.4g p=%s q=%s %s=%+.2f", t.test(), stat, t.statistic(),
                FindingSentences.pValue(t.p()), FindingSentences.pValue(t.q()), effect, t.effect());
    }

    private static String fixed(Double v, String format) {
        return v == null ? "-" : String.format(Locale.ROOT, format, v);
    }
}
