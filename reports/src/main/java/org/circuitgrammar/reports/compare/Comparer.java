package org.circuitgrammar.reports.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.stats.BenjaminiHochberg;
import org.circuitgrammar.motifs.stats.Statistic;
import org.circuitgrammar.reports.stats.AverageLinkage;
import org.circuitgrammar.reports.stats.CliffsDelta;
import org.circuitgrammar.reports.stats.KruskalWallis;
import org.circuitgrammar.reports.stats.MannWhitneyU;
import org.circuitgrammar.reports.stats.ProfileCosine;

/**
 * Compares groups of graphs motif by motif, under every null model of their census results.
 *
 * <p>Per null model, over the graphs that have samples under it:
 * <ul>
 *   <li>a graph contributes to a motif only where the motif's row is {@link RowRole#INDEPENDENT}: a row determined
 *       by another, constant under the null or untested is not a statistic of its own there, and the output says
 *       how many graphs were left out and why; a motif independent in no graph is listed as not tested;</li>
 *   <li>per group: the median and quartiles of the per-graph effect size log2(observed / null mean) and of Z
 *       (Z grows with graph size; the effect size does not);</li>
 *   <li>between groups, on the per-graph effect sizes: Mann–Whitney U with Cliff's delta for two groups,
 *       Kruskal–Wallis with ε² for three or more; a group enters with at least {@value #MIN_GROUP_SIZE} graphs
 *       that have a value, {@link GroupBy#UNGROUPED} never;</li>
 *   <li>Benjamini–Hochberg over the motifs tested under that null (one p per motif);</li>
 *   <li>cosine similarity of the significance profiles ({@link SignificanceProfiles}) of every pair of graphs, its
 *       mean within and between groups, and average-linkage clustering on 1 − cosine.</li>
 * </ul>
 * Cost: {@code O(g² · k)} for g graphs with profiles of k entries, plus the {@link Cohort}'s duplicate merging.
 * Deterministic: the output depends only on the results and their order.
 */
public final class Comparer {
    /** A group needs this many graphs with a value to enter a between-group test. */
    public static final int MIN_GROUP_SIZE = 2;

    private Comparer() {
    }

    /** Compares the groups of {@code cohort}. */
    public static Comparison compare(Cohort cohort) {
        List<Comparison.GraphEntry> graphs = new ArrayList<>();
        List<String> ungrouped = new ArrayList<>();
        for (int i = 0; i < cohort.size(); i++) {
            CensusResult r = cohort.results().get(i);
            graphs.add(new Comparison.GraphEntry(cohort.names().get(i), r.graph().path(), r.graph().sha256(),
                    cohort.groups().get(i)));
            if (cohort.groups().get(i).equals(GroupBy.UNGROUPED)) {
                ungrouped.add(cohort.names().get(i));
            }
        }
        List<Comparison.MergedGraphs> merged = new ArrayList<>();
        cohort.merged().forEach((kept, twins) -> merged.add(new Comparison.MergedGraphs(kept, twins)));
        List<Comparison.NullComparison> nulls = new ArrayList<>();
        for (NullKind kind : nullKinds(cohort.results())) {
            nulls.add(compareUnder(cohort, kind));
        }
        return new Comparison(cohort.groupBy().key(), graphs, merged, cohort.groupNames(), ungrouped, nulls);
    }

    /** The null models with samples in any result, in order of first appearance. */
    public static List<NullKind> nullKinds(List<CensusResult> results) {
        LinkedHashSet<NullKind> kinds = new LinkedHashSet<>();
        for (CensusResult r : results) {
            for (NullResult n : r.nulls()) {
                if (n.samples() > 0) {
                    kinds.add(n.nullModel());
                }
            }
        }
        return List.copyOf(kinds);
    }

    private static Comparison.NullComparison compareUnder(Cohort cohort, NullKind kind) {
        // per motif: the rows of every graph that has samples under this null (graph index → row)
        Map<MotifKey, Map<Integer, MotifRow>> rows = new TreeMap<>();
        int graphsWithSamples = 0;
        for (int g = 0; g < cohort.size(); g++) {
            NullResult nr = cohort.results().get(g).nullResult(kind).orElse(null);
            if (nr == null || nr.samples() == 0) {
                continue;
            }
            graphsWithSamples++;
            for (NullResult.FamilyRows f : nr.families()) {
                for (MotifRow row : f.rows()) {
                    rows.computeIfAbsent(new MotifKey(f.family(), row.label()), k -> new LinkedHashMap<>())
                            .put(g, row);
                }
            }
        }
        List<Comparison.MotifComparison> motifs = new ArrayList<>();
        List<String> notTested = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        List<Integer> testedAt = new ArrayList<>();
        for (Map.Entry<MotifKey, Map<Integer, MotifRow>> e : rows.entrySet()) {
            Map<Integer, MotifRow> independent = new LinkedHashMap<>();
            e.getValue().forEach((g, row) -> {
                if (row.role() == RowRole.INDEPENDENT) {
                    independent.put(g, row);
                }
            });
            String leftOut = notIndependentReason(e.getValue().values());
            if (independent.isEmpty()) {
                notTested.add(e.getKey() + ": " + leftOut);
                continue;
            }
            Comparison.MotifComparison mc = compareMotif(cohort, e.getKey(), independent, leftOut);
            if (mc.test() != null) {
                pValues.add(mc.test().p());
                testedAt.add(motifs.size());
            }
            motifs.add(mc);
        }
        double[] q = BenjaminiHochberg.adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < q.length; i++) {
            int at = testedAt.get(i);
            Comparison.MotifComparison mc = motifs.get(at);
            Comparison.GroupTest t = mc.test();
            motifs.set(at, new Comparison.MotifComparison(mc.motif(), mc.phrase(), mc.groups(),
                    new Comparison.GroupTest(t.test(), t.groups(), t.statistic(), t.p(), q[i], t.effectName(),
                            t.effect()), mc.leftOut()));
        }
        String fdr = q.length == 0 ? "no motif could be tested under " + kind.cliName()
                : String.format(Locale.ROOT, "Benjamini-Hochberg over the %d motif(s) tested under %s (one p per "
                        + "independent motif; determined and constant rows are not hypotheses)", q.length,
                        kind.cliName());
        return new Comparison.NullComparison(kind.cliName(), graphsWithSamples, fdr, motifs, notTested,
                profiles(cohort, kind));
    }

    /** Null iff every row is independent; else in how many graphs and why the row is not a hypothesis of its own. */
    private static String notIndependentReason(Iterable<MotifRow> rows) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (MotifRow r : rows) {
            String reason = switch (r.role()) {
                case INDEPENDENT -> null;
                case DETERMINED -> "determined by " + r.determinedBy();
                case CONSTANT -> "constant under the null";
                case UNTESTED -> "no null samples";
            };
            if (reason != null) {
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        reasons.forEach((reason, n) -> parts.add(reason + " in " + n + " graph(s)"));
        return String.join("; ", parts);
    }

    private static Comparison.MotifComparison compareMotif(Cohort cohort, MotifKey key, Map<Integer, MotifRow> rows,
                                                           String leftOut) {
        Map<String, List<Double>> effects = new LinkedHashMap<>();
        Map<String, List<Double>> zs = new LinkedHashMap<>();
        for (String group : cohort.groupNames()) {
            effects.put(group, new ArrayList<>());
            zs.put(group, new ArrayList<>());
        }
        rows.forEach((g, row) -> {
            String group = cohort.groups().get(g);
            if (row.log2Ratio().isDefined()) {
                effects.get(group).add(row.log2Ratio().value());
            }
            if (row.z().isDefined()) {
                zs.get(group).add(row.z().value());
            }
        });
        List<Comparison.GroupSummary> summaries = new ArrayList<>();
        List<String> testGroups = new ArrayList<>();
        for (String group : cohort.groupNames()) {
            double[] x = toArray(effects.get(group));
            double[] z = toArray(zs.get(group));
            if (x.length == 0 && z.length == 0) {
                continue;
            }
            summaries.add(new Comparison.GroupSummary(group, x.length, quantile(x, 50), quantile(x, 25),
                    quantile(x, 75), quantile(z, 50), quantile(z, 25), quantile(z, 75)));
            if (!group.equals(GroupBy.UNGROUPED) && x.length >= MIN_GROUP_SIZE) {
                testGroups.add(group);
            }
        }
        Comparison.GroupTest test = null;
        if (testGroups.size() == 2) {
            double[] a = toArray(effects.get(testGroups.get(0)));
            double[] b = toArray(effects.get(testGroups.get(1)));
            MannWhitneyU.Result r = MannWhitneyU.test(a, b);
            test = new Comparison.GroupTest("mann-whitney", testGroups, r.u1(), r.p(), Double.NaN, "cliffs-delta",
                    CliffsDelta.of(a, b));
        } else if (testGroups.size() > 2) {
            double[][] samples = testGroups.stream().map(g -> toArray(effects.get(g))).toArray(double[][]::new);
            KruskalWallis.Result r = KruskalWallis.test(samples);
            test = new Comparison.GroupTest("kruskal-wallis", testGroups, r.h(), r.p(), Double.NaN,
                    "epsilon-squared", r.epsilonSquared());
        }
        return new Comparison.MotifComparison(key.toString(), key.phrase(), summaries, test,
                leftOut == null ? null : "left out where " + leftOut);
    }

    private static Comparison.ProfileSimilarity profiles(Cohort cohort, NullKind kind) {
        List<Integer> members = new ArrayList<>();
        List<Map<String, Double>> profiles = new ArrayList<>();
        for (int g = 0; g < cohort.size(); g++) {
            Map<String, Double> p = SignificanceProfiles.of(cohort.results().get(g), kind);
            if (!p.isEmpty()) {
                members.add(g);
                profiles.add(p);
            }
        }
        int n = members.size();
        Double[][] cos = new Double[n][n];
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                Statistic c = ProfileCosine.of(profiles.get(i), profiles.get(j));
                Double value = c.isDefined() ? c.value() : null;
                cos[i][j] = value;
                cos[j][i] = value;
                double d = i == j ? 0 : 1 - (value == null ? 0 : value);
                distance[i][j] = d;
                distance[j][i] = d;
            }
        }
        List<String> groups = cohort.groupNames();
        List<List<Double>> groupMean = new ArrayList<>();
        for (String a : groups) {
            List<Double> row = new ArrayList<>();
            for (String b : groups) {
                double sum = 0;
                int pairs = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        boolean wanted = a.equals(b) ? i < j : true;
                        if (wanted && cohort.groups().get(members.get(i)).equals(a)
                                && cohort.groups().get(members.get(j)).equals(b) && cos[i][j] != null) {
                            sum += cos[i][j];
                            pairs++;
                        }
                    }
                }
                row.add(pairs == 0 ? null : sum / pairs);
            }
            groupMean.add(row);
        }
        List<AverageLinkage.Merge> merges = AverageLinkage.cluster(distance);
        List<List<Double>> cosine = new ArrayList<>();
        for (Double[] row : cos) {
            cosine.add(java.util.Arrays.asList(row));
        }
        return new Comparison.ProfileSimilarity(members.stream().map(cohort.names()::get).toList(), cosine, groups,
                groupMean, merges, AverageLinkage.leafOrder(merges, n));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The p-th percentile by linear interpolation between order statistics (numpy's default); null when empty. */
    static Double quantile(double[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }
}
