package org.circuitgrammar.reports.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language sentences from the between-group tests of one null, for the terminal and the report, e.g.
 * "incoherent FFLs (I1) are rarer relative to the null in plt graphs than in clt graphs: median log2 ratio −0.31 vs
 * −0.05 (Cliff's δ = −0.62, q = 0.004, lpc)". A finding is a test with q ≤ α; findings come strongest effect
 * first; when there is none, one sentence says so and how many motifs were tested.
 */
public final class FindingSentences {
    /** The FDR level of a finding. */
    public static final double ALPHA = 0.05;

    private FindingSentences() {
    }

    /** The sentences for {@code section} of a comparison grouped by {@code groupBy}. */
    public static List<String> of(Comparison.NullComparison section, String groupBy) {
        List<Comparison.MotifComparison> findings = section.motifs().stream()
                .filter(m -> m.test() != null && m.test().q() <= ALPHA)
                .sorted(Comparator.comparingDouble((Comparison.MotifComparison m) -> -Math.abs(m.test().effect()))
                        .thenComparing(Comparison.MotifComparison::motif))
                .toList();
        long tested = section.motifs().stream().filter(m -> m.test() != null).count();
        List<String> out = new ArrayList<>();
        if (findings.isEmpty()) {
            out.add(String.format(Locale.ROOT, "No motif differs between the %s groups at q ≤ %.2f under %s "
                    + "(%d motif(s) tested).", groupBy, ALPHA, section.nullModel(), tested));
            return out;
        }
        for (Comparison.MotifComparison m : findings) {
            out.add(m.test().test().equals("mann-whitney") ? twoGroups(m, section.nullModel())
                    : manyGroups(m, section.nullModel(), groupBy));
        }
        return out;
    }

    private static String twoGroups(Comparison.MotifComparison m, String nullModel) {
        Comparison.GroupTest t = m.test();
        String a = t.groups().get(0);
        String b = t.groups().get(1);
        String direction = t.effect() < 0 ? "rarer" : "more frequent";
        return String.format(Locale.ROOT, "%s are %s relative to the null in %s graphs than in %s graphs: "
                        + "median log2 ratio %s vs %s (Cliff's δ = %s, q = %s, %s).", capitalised(m.phrase()),
                direction, a, b, number(median(m, a)), number(median(m, b)), number(t.effect()), pValue(t.q()),
                nullModel);
    }

    private static String manyGroups(Comparison.MotifComparison m, String nullModel, String groupBy) {
        Comparison.GroupTest t = m.test();
        String high = null;
        String low = null;
        for (String g : t.groups()) {
            if (high == null || median(m, g) > median(m, high)) {
                high = g;
            }
            if (low == null || median(m, g) < median(m, low)) {
                low = g;
            }
        }
        return String.format(Locale.ROOT, "%s differ across %s (Kruskal-Wallis, ε² = %s, q = %s, %s): median "
                        + "log2 ratio highest in %s (%s), lowest in %s (%s).", capitalised(m.phrase()), groupBy,
                number(t.effect()), pValue(t.q()), nullModel, high, number(median(m, high)), low,
                number(median(m, low)));
    }

    private static double median(Comparison.MotifComparison m, String group) {
        return m.groups().stream().filter(s -> s.group().equals(group)).findFirst()
                .map(Comparison.GroupSummary::medianLog2Ratio).orElseThrow();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Two decimals, with a real minus sign. */
    static String number(double x) {
        return String.format(Locale.ROOT, "%.2f", x).replace('-', '−');
    }

    /** Three significant digits, scientific below 0.001. */
    static String pValue(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3g", p);
    }
}
