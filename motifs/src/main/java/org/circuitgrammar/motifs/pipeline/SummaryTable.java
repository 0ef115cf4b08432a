package org.circuitgrammar.motifs.pipeline;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.StringJoiner;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.PValueKind;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * The human summary at the end of a census: per graph the headline motifs (FFL, coherent and incoherent FFL, chain,
 * fan-in, fan-out; the position classes and the three 4-node DAG classes of largest |effect| when those families were
 * counted) with the observed count and, under each null, the effect size log2(observed / null mean) beside Z; then
 * one line naming the rows shown that the null ties to another row, one naming whatever is undefined, and how to
 * read the p-values. Every number is the JSON's, rounded: effect to three decimals, Z to one.
 */
public final class SummaryTable {
    /** What the cell of an undefined number shows. */
    public static final String UNDEFINED = "n/a";
    private static final int DAG4_SHOWN = 3;
    private static final int FINDINGS_SHOWN = 5;

    /** A headline: a row of a family under a display name. */
    record Headline(String name, MotifFamily family, String label) {
    }

    private static final List<Headline> FIXED = List.of(
            new Headline("FFL (030T)", MotifFamily.TRIAD, "030T"),
            new Headline("coherent FFL", MotifFamily.SIGNED, "coherent"),
            new Headline("incoherent FFL", MotifFamily.SIGNED, "incoherent"),
            new Headline("chain (021C)", MotifFamily.TRIAD, "021C"),
            new Headline("fan-in (021U)", MotifFamily.TRIAD, "021U"),
            new Headline("fan-out (021D)", MotifFamily.TRIAD, "021D"));

    private SummaryTable() {
    }

    /** Prints the summary of {@code results} (q-values already filled in). */
    public static void print(PrintWriter out, List<CensusResult> results) {
        if (results.isEmpty()) {
            return;
        }
        List<NullKind> nulls = results.get(0).spec().nulls();
        int n = results.get(0).spec().samples();
        out.println();
        out.printf(Locale.ROOT, "summary: %d graph(s); effect = log2(observed / null mean), Z = (observed - mean) / sd"
                + " (Z grows with graph size, the effect does not)%n", results.size());
        for (CensusResult r : results) {
            printGraph(out, r, n == 0 ? List.of() : nulls);
        }
        if (n > 0) {
            printPValues(out, results, nulls, n);
        }
        out.flush();
    }

    private static void printGraph(PrintWriter out, CensusResult r, List<NullKind> nulls) {
        var view = r.graph().views().get(0);
        out.printf(Locale.ROOT, "%n%s: %d nodes, %d edges analysed%n", r.graph().fileName(), view.nodes(),
                view.edges());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-18s %10s", "motif", "observed"));
        for (NullKind k : nulls) {
            header.append(String.format(Locale.ROOT, "  %10s %8s", k.cliName() + " effect", "Z"));
        }
        out.println(header);
        Map<NullKind, Map<String, List<String>>> undefined = new LinkedHashMap<>();
        Map<NullKind, Map<String, List<String>>> determined = new LinkedHashMap<>();
        int cells = 0;
        for (Headline h : headlines(r, nulls)) {
            Optional<Long> observed = r.observed(h.family()).map(o -> o.count(h.label()));
            if (observed.isEmpty()) {
                continue;
            }
            cells += 2;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s %10d", h.name(),
                    observed.get()));
            for (NullKind k : nulls) {
                Optional<MotifRow> row = row(r, k, h.family(), h.label());
                Statistic effect = row.map(MotifRow::log2Ratio).orElse(Statistic.undefined("not counted"));
                Statistic z = row.map(MotifRow::z).orElse(Statistic.undefined("not counted"));
                line.append(String.format(Locale.ROOT, "  %10s %8s", effect(effect), z(z)));
                noteUndefined(undefined, k, h.name() + " effect", effect);
                noteUndefined(undefined, k, h.name() + " Z", z);
                row.filter(x -> x.determinedBy() != null).ifPresent(x -> determined
                        .computeIfAbsent(k, y -> new LinkedHashMap<>())
                        .computeIfAbsent(x.determinedBy(), y -> new ArrayList<>()).add(h.name()));
            }
            out.println(line);
        }
        if (!determined.isEmpty()) {
            out.println("  determined: " + determinedLine(determined));
        }
        if (!undefined.isEmpty()) {
            out.println("  undefined: " + undefinedLine(undefined, cells));
        }
    }

    /**
     * Per null, the rows shown that the null ties to another row: their Z repeats that row's, so they are not
     * separate findings (docs/census.md, "Which rows are separate statistics").
     */
    private static String determinedLine(Map<NullKind, Map<String, List<String>>> determined) {
        StringJoiner line = new StringJoiner("; ");
        determined.forEach((k, byRow) -> byRow.forEach((by, which) -> line.add(k.cliName() + " "
                + String.join(", ", which) + " by " + by)));
        return line + " (an exact function of that row under the null: same |Z|, not a separate finding)";
    }

    private static void noteUndefined(Map<NullKind, Map<String, List<String>>> notes, NullKind k, String cell,
                                      Statistic s) {
        if (s instanceof Statistic.Undefined u) {
            notes.computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(u.reason(), x -> new ArrayList<>())
                    .add(cell);
        }
    }

    /** Per null: "every value (reason)" when one reason covers all its cells, else each reason with its cells. */
    private static String undefinedLine(Map<NullKind, Map<String, List<String>>> undefined, int cells) {
        StringJoiner line = new StringJoiner("; ");
        undefined.forEach((k, byReason) -> byReason.forEach((reason, which) -> line.add(k.cliName() + " "
                + (which.size() == cells ? "every value" : String.join(", ", which)) + " (" + reason + ")")));
        return line.toString();
    }

    /** The fixed headlines, the position classes, and the dag4 classes of largest |effect| under the first null. */
    static List<Headline> headlines(CensusResult r, List<NullKind> nulls) {
        List<Headline> out = new ArrayList<>(FIXED);
        r.observed(MotifFamily.POSITION).ifPresent(o -> o.labels().forEach(
                l -> out.add(new Headline(l, MotifFamily.POSITION, l))));
        r.observed(MotifFamily.DAG4).ifPresent(o -> {
            List<String> labels = new ArrayList<>(o.labels());
            if (!nulls.isEmpty()) {
                labels.sort(Comparator.comparingDouble((String l) -> -row(r, nulls.get(0), MotifFamily.DAG4, l)
                        .map(MotifRow::log2Ratio).filter(Statistic::isDefined).map(s -> Math.abs(s.value()))
                        .orElse(-1.0)));
            }
            labels.stream().limit(DAG4_SHOWN).forEach(l -> out.add(new Headline(l, MotifFamily.DAG4, l)));
        });
        return out;
    }

    /** The row of {@code family}/{@code label} under null {@code kind}, from whichever view counted the family. */
    static Optional<MotifRow> row(CensusResult r, NullKind kind, MotifFamily family, String label) {
        return r.nulls().stream().filter(n -> n.nullModel() == kind)
                .map(n -> n.row(family, label)).flatMap(Optional::stream).findFirst();
    }

    /** How to read the p-values, and the strongest findings by effect where p cannot separate them. */
    private static void printPValues(PrintWriter out, List<CensusResult> results, List<NullKind> nulls, int n) {
        StringJoiner kinds = new StringJoiner(", ");
        for (NullKind k : nulls) {
            results.stream().flatMap(r -> r.nulls().stream()).filter(x -> x.nullModel() == k
                            && x.pValues() != PValueKind.NONE).findFirst()
                    .ifPresent(x -> kinds.add(k.cliName() + " " + (x.pValues() == PValueKind.EXACT ? "exact"
                            : "approximate (chains from the observed graph)")));
        }
        double floor = 2.0 / (n + 1);
        List<String[]> atFloor = new ArrayList<>();
        List<Double> magnitudes = new ArrayList<>();
        int independent = 0;
        for (CensusResult r : results) {
            for (NullResult x : r.nulls()) {
                for (var f : x.families()) {
                    for (MotifRow row : f.rows()) {
                        if (!row.inFdrFamily()) {
                            continue;
                        }
                        independent++;
                        if (row.p().value() <= floor * (1 + 1e-12) && row.log2Ratio().isDefined()) {
                            atFloor.add(new String[] {r.graph().fileName(), f.family().id() + "/" + row.label(),
                                x.nullModel().cliName(), effect(row.log2Ratio())});
                            magnitudes.add(Math.abs(row.log2Ratio().value()));
                        }
                    }
                }
            }
        }
        out.println();
        if (kinds.length() > 0) {
            out.println("p-values: " + kinds);
        }
        if (atFloor.isEmpty()) {
            return;
        }
        Integer[] order = new Integer[atFloor.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(magnitudes.get(b), magnitudes.get(a)));
        StringJoiner top = new StringJoiner(", ");
        for (int i = 0; i < Math.min(FINDINGS_SHOWN, order.length); i++) {
            String[] f = atFloor.get(order[i]);
            top.add(f[0] + " " + f[1] + " under " + f[2] + " " + f[3]);
        }
        out.printf(Locale.ROOT, "p at its floor 2/(n+1) = %.4g for %d of %d independent rows, so p cannot rank them; "
                + "largest |effect| first: %s%n", floor, atFloor.size(), independent, top);
    }

    /** The effect as the table prints it. */
    public static String effect(Statistic s) {
        return s.isDefined() ? String.format(Locale.ROOT, "%+.3f", s.value()) : UNDEFINED;
    }

    /** Z as the table prints it. */
    public static String z(Statistic s) {
        return s.isDefined() ? String.format(Locale.ROOT, "%.1f", s.value()) : UNDEFINED;
    }
}
