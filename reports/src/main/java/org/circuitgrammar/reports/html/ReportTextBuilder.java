package org.circuitgrammar.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.reports.compare.Cohort;
import org.circuitgrammar.reports.compare.Comparer;
import org.circuitgrammar.reports.compare.Comparison;
import org.circuitgrammar.reports.compare.FindingSentences;
import org.circuitgrammar.reports.compare.GroupBy;
import org.circuitgrammar.reports.source.GraphSource;

/** The words of the report ({@link ReportText}), from the comparisons, the cohort and the results' provenance. */
final class ReportTextBuilder {
    private ReportTextBuilder() {
    }

    static ReportText.ComparisonText comparisonText(ComparisonSection s) {
        List<ReportText.NullText> nulls = new ArrayList<>();
        for (Comparison.NullComparison n : s.comparison().nulls()) {
            List<ReportText.TestRow> rows = new ArrayList<>();
            for (Comparison.MotifComparison m : n.motifs()) {
                List<String> groups = new ArrayList<>();
                for (Comparison.GroupSummary g : m.groups()) {
                    groups.add(String.format(Locale.ROOT, "%s: %s [%s, %s], Z %s [%s, %s] (n=%d)", g.group(),
                            fmt(g.medianLog2Ratio()), fmt(g.q1Log2Ratio()), fmt(g.q3Log2Ratio()), oneDecimal(g.medianZ()),
                            oneDecimal(g.q1Z()), oneDecimal(g.q3Z()), g.n()));
                }
                Comparison.GroupTest t = m.test();
                rows.add(new ReportText.TestRow(m.motif(), String.join("; ", groups)
                        + (m.leftOut() == null ? "" : " (" + m.leftOut() + ")"),
                        t == null ? "not tested (fewer than two groups of " + Comparer.MIN_GROUP_SIZE + ")"
                                : t.test(),
                        t == null ? "" : String.format(Locale.ROOT, "%.3g", t.p()),
                        t == null ? "" : String.format(Locale.ROOT, "%.3g", t.q()),
                        t == null ? "" : (t.effectName().equals("cliffs-delta") ? "δ = " : "ε² = ")
                                + String.format(Locale.ROOT, "%.2f", t.effect()),
                        t != null && t.q() <= FindingSentences.ALPHA));
            }
            nulls.add(new ReportText.NullText(n.nullModel(), n.fdrFamily(),
                    FindingSentences.of(n, s.comparison().groupBy()), rows,
                    n.notTested().isEmpty() ? null : String.join("; ", n.notTested())));
        }
        return new ReportText.ComparisonText(s.id(), s.title(), s.intro() + " Groups: "
                + String.join(", ", s.comparison().groups()) + ".", nulls);
    }

    private static String oneDecimal(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String fmt(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%+.3f", d);
    }

    static String instancesNote(List<GraphSource.Loaded> loaded) {
        long missing = loaded.stream().filter(l -> l instanceof GraphSource.Missing).count();
        return "The strongest FFL instances of each graph (strength = the smallest |weight| of the three edges), "
                + "drawn with token position across and layer up; green edges are positive, red negative. "
                + (missing == 0 ? "Every graph file was found and matched its census result."
                : missing + " graph file(s) could not be used (not found, or changed since the census); "
                + "their diagrams are missing.");
    }

    static List<ReportText.RecurringText> recurringText(List<ChartData.RecurringSet> sets) {
        return sets.stream().map(s -> new ReportText.RecurringText(s.model(), s.transcoder(), s.graphsSearched(),
                s.minGraphs(), s.circuits().isEmpty(), s.circuits())).toList();
    }

    static ReportText.Summary summary(List<CensusResult> all, Cohort cohort) {
        Map<String, Integer> byModelTranscoder = new TreeMap<>();
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        cohort.groupNames().forEach(g -> byGroup.put(g, 0));
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < cohort.size(); i++) {
            CensusResult r = cohort.results().get(i);
            byModelTranscoder.merge(r.graph().attribute("model").orElse(GroupBy.UNGROUPED) + " · "
                    + r.graph().attribute("transcoder").orElse(GroupBy.UNGROUPED), 1, Integer::sum);
            byGroup.merge(cohort.groups().get(i), 1, Integer::sum);
            nodes.add(r.graph().views().isEmpty() ? r.graph().fileNodes() : r.graph().views().get(0).nodes());
        }
        List<String> merged = new ArrayList<>();
        cohort.merged().forEach((kept, twins) -> merged.add(String.join(", ", twins) + " → counted as " + kept));
        List<Integer> sorted = nodes.stream().sorted().toList();
        String sizes = String.format(Locale.ROOT, "Analysed nodes per graph: min %d, median %d, max %d.",
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        List<String> ungrouped = new ArrayList<>();
        for (int i = 0; i < cohort.size(); i++) {
            if (cohort.groups().get(i).equals(GroupBy.UNGROUPED)) {
                ungrouped.add(cohort.names().get(i));
            }
        }
        return new ReportText.Summary(cohort.size(), all.size(),
                byModelTranscoder.entrySet().stream().map(e -> new ReportText.CountRow(e.getKey(), e.getValue()))
                        .toList(),
                byGroup.entrySet().stream().map(e -> new ReportText.CountRow(e.getKey(), e.getValue())).toList(),
                merged, merged.isEmpty() ? "No near-duplicate graphs were merged."
                        : "Near-duplicate graphs (node-set Jaccard ≥ threshold, regenerations of one prompt) are "
                        + "counted once:",
                ungrouped.isEmpty() ? null : "Without a " + cohort.groupBy().key() + " (shown, not tested): "
                        + String.join(", ", ungrouped) + ".", sizes);
    }

    static ReportText.Methods methods(List<CensusResult> all, Cohort cohort, List<String> argv) {
        Map<CensusSpec, List<CensusResult>> bySpec = new LinkedHashMap<>();
        for (CensusResult r : all) {
            bySpec.computeIfAbsent(r.spec(), k -> new ArrayList<>()).add(r);
        }
        List<ReportText.SpecRow> specs = new ArrayList<>();
        bySpec.forEach((spec, rs) -> {
            LinkedHashSet<String> pValues = new LinkedHashSet<>();
            rs.forEach(r -> r.nulls().forEach(n -> pValues.add(n.nullModel().cliName() + ": "
                    + n.pValues().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
            specs.add(new ReportText.SpecRow(
                    String.join(", ", spec.nulls().stream().map(NullKind::cliName).toList()),
                    String.join(", ", spec.families().stream().map(f -> f.id()).toList()), spec.samples(),
                    String.format(Locale.ROOT, "%.3g", spec.sweepsPerSample()), spec.seed(),
                    spec.profile().cliName(),
                    String.format(Locale.ROOT, "errors %s, |w| ≥ %.3g, top edges %.3g, max layer gap %s",
                            spec.keepErrors() ? "kept" : "dropped", spec.threshold(), spec.topEdges(),
                            spec.maxLayerGap() == 0 ? "none" : String.valueOf(spec.maxLayerGap())),
                    String.join("; ", pValues), rs.size()));
        });
        List<ReportText.InputRow> inputs = new ArrayList<>();
        Map<CensusResult, String> names = new java.util.IdentityHashMap<>();
        for (int i = 0; i < cohort.size(); i++) {
            names.put(cohort.results().get(i), cohort.names().get(i));
        }
        for (CensusResult r : all) {
            inputs.add(new ReportText.InputRow(names.getOrDefault(r, "(merged) " + r.graph().fileName()),
                    r.graph().path(), r.graph().sha256(), r.resultKey()));
        }
        LinkedHashSet<String> commands = new LinkedHashSet<>();
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        for (CensusResult r : all) {
            commands.add("cgram " + String.join(" ", r.provenance().run().argv()));
            versions.add(r.provenance().run().toolVersion() + (r.provenance().run().gitCommit() == null ? ""
                    : " (" + r.provenance().run().gitCommit() + ")"));
        }
        return new ReportText.Methods(specs, inputs, List.copyOf(commands), List.copyOf(versions),
                "cgram " + String.join(" ", argv), "Effect size: log2(observed / null mean) per graph. "
                + "Between groups: Mann-Whitney U (two groups; exact when there are no ties and a group has at "
                + "most 8 graphs, else normal approximation with tie and continuity corrections) with Cliff's "
                + "delta, or Kruskal-Wallis H (three or more groups, χ² approximation, tie-corrected) with ε² = "
                + "H/(n−1); Benjamini-Hochberg over the independent motifs of each null; a group needs "
                + Comparer.MIN_GROUP_SIZE + " graphs. Determined and constant rows are not tested. Profiles: "
                + "cosine over shared defined SP entries; clustering: average linkage on 1 − cosine. "
                + "See docs/report.md.");
    }
}
