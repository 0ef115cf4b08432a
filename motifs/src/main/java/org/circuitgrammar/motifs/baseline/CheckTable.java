package org.circuitgrammar.motifs.baseline;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The readable form of a {@link CheckReport}: per group a header, then for each rule the subjects it compared,
 * broken ones first, then by how far they moved; a line per subject with the baseline, the checked value, the
 * allowed range, the move and the verdict. Ends with one verdict line. Cost {@code O(findings log findings)}.
 */
public final class CheckTable {
    private static final String ROW = "  %-12s %-26s %9s %-21s %9s %-21s %9s  %s%n";

    private CheckTable() {
    }

    /** Prints {@code report} to {@code out}. */
    public static void print(CheckReport report, PrintWriter out) {
        for (CheckReport.GroupCheck group : report.groups()) {
            out.printf(Locale.ROOT, "group %s: %d graph(s) checked (%d near-duplicate(s) merged) against %d baseline "
                    + "graph(s): %s%n", group.group(), group.graphs(), group.mergedGraphs(), group.baselineGraphs(),
                    group.passed() ? "pass" : "REGRESSION");
            out.printf(Locale.ROOT, ROW, "rule", "motif", "baseline", "interval", "checked", "allowed", "moved",
                    "verdict");
            for (RuleOutcome rule : group.rules()) {
                if (!rule.enabled()) {
                    out.printf(Locale.ROOT, "  %-12s (switched off)%n", rule.rule().id());
                    continue;
                }
                List<Finding> sorted = rule.findings().stream()
                        .sorted(Comparator.comparing(Finding::passed)
                                .thenComparing(f -> -Math.abs(Double.isNaN(f.moved()) ? Double.MAX_VALUE : f.moved())))
                        .toList();
                for (Finding f : sorted) {
                    out.printf(Locale.ROOT, ROW, rule.rule().id(), f.subject(), number(f.baseline()),
                            range(f.baselineLow(), f.baselineHigh()), number(f.checked()),
                            range(f.allowedLow(), f.allowedHigh()), signed(f.moved()),
                            f.passed() ? "ok" : "FAIL " + f.note());
                }
            }
        }
        if (!report.baselineGroups().isEmpty()) {
            out.println("baseline groups with no checked graph (not judged): "
                    + String.join(", ", report.baselineGroups()));
        }
        long broken = report.groups().stream().flatMap(g -> g.rules().stream()).filter(r -> !r.passed()).count();
        out.println(report.passed() ? "grammar check: pass"
                : "grammar check: REGRESSION (" + broken + " rule(s) broken)");
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
    }

    private static String signed(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%+.4f", x);
    }

    private static String range(double low, double high) {
        return Double.isNaN(low) && Double.isNaN(high) ? "-" : "[" + number(low) + ", " + number(high) + "]";
    }
}
