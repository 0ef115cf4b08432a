package org.circuitgrammar.reports.compare;

import java.util.List;
import org.circuitgrammar.reports.stats.AverageLinkage;

/**
 * What {@link Comparer} found: groups, merged near-duplicates, and per null model the per-group summaries, the
 * between-group tests and the profile similarities. Plain values only, so that it prints as a table, CSV and JSON
 * without further lookups; undefined numbers are {@code null}.
 *
 * @param groupBy   the grouping key
 * @param graphs    the graphs compared (near-duplicates merged away unless kept), in input order
 * @param merged    near-duplicate sets: the graph kept and those counted as it
 * @param groups    group names, sorted, {@link GroupBy#UNGROUPED} last
 * @param ungrouped the graphs without a value for the key (reported, not dropped)
 * @param nulls     one section per null model found in the results
 */
public record Comparison(String groupBy, List<GraphEntry> graphs, List<MergedGraphs> merged, List<String> groups,
                         List<String> ungrouped, List<NullComparison> nulls) {
    public Comparison {
        graphs = List.copyOf(graphs);
        merged = List.copyOf(merged);
        groups = List.copyOf(groups);
        ungrouped = List.copyOf(ungrouped);
        nulls = List.copyOf(nulls);
    }

    /**
     * One compared graph.
     *
     * @param name   a short unique name (the file name without {@code .json}, with a hash prefix if two clash)
     * @param path   the graph path as the census recorded it
     * @param sha256 the graph file's SHA-256
     * @param group  its group
     */
    public record GraphEntry(String name, String path, String sha256, String group) {
    }

    /**
     * Graphs counted once.
     *
     * @param kept   the name of the graph kept
     * @param merged the names of its near-duplicates
     */
    public record MergedGraphs(String kept, List<String> merged) {
        public MergedGraphs {
            merged = List.copyOf(merged);
        }
    }

    /**
     * The comparison under one null model.
     *
     * @param nullModel  the null's id
     * @param graphs     graphs with samples under this null
     * @param fdrFamily  what the q-values were adjusted over
     * @param motifs     the motifs independent in at least one graph, family order then label
     * @param notTested  motifs independent in no graph, each with its reason
     * @param profiles   significance-profile similarity and clustering
     */
    public record NullComparison(String nullModel, int graphs, String fdrFamily, List<MotifComparison> motifs,
                                 List<String> notTested, ProfileSimilarity profiles) {
        public NullComparison {
            motifs = List.copyOf(motifs);
            notTested = List.copyOf(notTested);
        }
    }

    /**
     * One motif under one null: its effect size and Z per group and the test between groups.
     *
     * @param motif   {@code family/label}
     * @param phrase  the motif in words, for sentences
     * @param groups  one summary per group that has a value
     * @param test    the between-group test, or null when fewer than two groups have two graphs each
     * @param leftOut the graphs whose row is not independent (determined, constant) and so left out of this motif's
     *                summaries and test, with the reasons; null when none
     */
    public record MotifComparison(String motif, String phrase, List<GroupSummary> groups, GroupTest test,
                                  String leftOut) {
        public MotifComparison {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Per-graph statistics of one motif in one group.
     *
     * @param group           the group
     * @param n               graphs with a defined effect size
     * @param medianLog2Ratio median of log2(observed / null mean)
     * @param q1Log2Ratio     its first quartile (linear interpolation, numpy's default)
     * @param q3Log2Ratio     its third quartile
     * @param medianZ         median Z over the graphs with a defined Z (null if none)
     * @param q1Z             first quartile of Z
     * @param q3Z             third quartile of Z
     */
    public record GroupSummary(String group, int n, Double medianLog2Ratio, Double q1Log2Ratio, Double q3Log2Ratio,
                               Double medianZ, Double q1Z, Double q3Z) {
    }

    /**
     * A between-group test on per-graph effect sizes.
     *
     * @param test       {@code mann-whitney} (two groups) or {@code kruskal-wallis} (three or more)
     * @param groups     the groups tested, in order (for Mann–Whitney: first vs second)
     * @param statistic  U of the first group, or H
     * @param p          p-value
     * @param q          Benjamini–Hochberg q over the motifs tested under this null
     * @param effectName {@code cliffs-delta} (first group over second) or {@code epsilon-squared}
     * @param effect     the effect size of the difference
     */
    public record GroupTest(String test, List<String> groups, double statistic, double p, double q, String effectName,
                            double effect) {
        public GroupTest {
            groups = List.copyOf(groups);
        }
    }

    /**
     * How alike the graphs' significance profiles are.
     *
     * @param graphs          names of the graphs with a profile, in comparison order
     * @param cosine          graph × graph cosine over shared defined entries (null where undefined)
     * @param groups          groups, as in the comparison
     * @param groupMeanCosine group × group mean cosine: the diagonal over distinct pairs within a group, the rest over
     *                        all pairs between the two groups (null where there is no defined pair)
     * @param dendrogram      average-linkage merges of the graphs on 1 − cosine (an undefined cosine counts as 0,
     *                        distance 1: no evidence of similarity)
     * @param leafOrder       graph indices in dendrogram order
     */
    public record ProfileSimilarity(List<String> graphs, List<List<Double>> cosine, List<String> groups,
                                    List<List<Double>> groupMeanCosine, List<AverageLinkage.Merge> dendrogram,
                                    List<Integer> leafOrder) {
        public ProfileSimilarity {
            graphs = List.copyOf(graphs);
            cosine = cosine.stream().map(java.util.Collections::unmodifiableList).toList();
            groups = List.copyOf(groups);
            groupMeanCosine = groupMeanCosine.stream().map(java.util.Collections::unmodifiableList).toList();
            dendrogram = List.copyOf(dendrogram);
            leafOrder = List.copyOf(leafOrder);
        }
    }
}
