package org.circuitgrammar.reports.html;

import java.util.List;
import java.util.Map;

/**
 * The numbers behind the report's charts, serialised once as JSON into the page and drawn there by ECharts
 * ({@code report.js}). Plain records of lists; undefined values are JSON null. Indices refer to {@link #graphs()}.
 *
 * @param groupBy     the primary grouping key
 * @param groups      primary group names (sorted, ungrouped last)
 * @param graphs      the graphs of the report (near-duplicates merged unless kept)
 * @param nulls       null model ids, in order of appearance
 * @param byNull      null id → its charts' data
 * @param comparisons the comparison sections (CLT vs PLT, model vs model, and the primary grouping)
 * @param instances   per graph, its strongest FFL instances (or why there are none)
 * @param recurring   recurring circuits per model and transcoder
 */
public record ChartData(String groupBy, List<String> groups, List<Graph> graphs, List<String> nulls,
                        Map<String, NullCharts> byNull, List<ComparisonChart> comparisons,
                        List<InstanceSet> instances, List<RecurringSet> recurring) {

    /** One graph as the charts label and colour it. */
    public record Graph(String name, String group, String model, String transcoder, String category, int nodes,
                        int edges, String prompt) {
    }

    /**
     * The charts of one null model.
     *
     * @param motifs          heatmap and profile columns: the motifs tested under this null
     * @param log2            [graph][motif] effect size log2(observed / null mean)
     * @param z               [graph][motif] Z
     * @param profileMean     group → mean SP entry per motif over the group's graphs (null where none)
     * @param rowMotifs       every row of the result (for the null distributions)
     * @param distributions   [graph][row motif] the null distribution with the observed count, or null
     * @param dendrogram      average-linkage clustering of the graphs' significance profiles
     */
    public record NullCharts(List<String> motifs, List<List<Double>> log2, List<List<Double>> z,
                             Map<String, List<Double>> profileMean, List<String> rowMotifs,
                             List<List<Distribution>> distributions, Dendrogram dendrogram) {
    }

    /**
     * A null distribution as a histogram: bin i counts samples in [min + i·width, min + (i+1)·width).
     *
     * @param observed the observed count
     * @param mean     null mean
     * @param sd       null sd
     * @param z        Z (null when undefined)
     * @param log2     effect size (null when undefined)
     * @param role     the row's role (independent, determined, constant, untested)
     */
    public record Distribution(long observed, Double mean, Double sd, Double z, Double log2, String role, long min,
                               long width, List<Integer> counts) {
    }

    /**
     * A dendrogram over some of the graphs.
     *
     * @param graphs    graph indices of the leaves (those with a significance profile)
     * @param merges    [left, right, distance, size] in scipy's linkage form (ids over {@code graphs})
     * @param leafOrder positions in {@code graphs}, in drawing order
     */
    public record Dendrogram(List<Integer> graphs, List<List<Double>> merges, List<Integer> leafOrder) {
    }

    /**
     * The medians and quartiles a comparison section draws.
     *
     * @param id     the section id
     * @param byNull null id → per group, per motif: [q1, median, q3] of the effect size (null where none)
     */
    public record ComparisonChart(String id, List<String> groups, Map<String, List<String>> motifs,
                                  Map<String, Map<String, List<List<Double>>>> byNull) {
    }

    /** The strongest FFL instances of one graph. */
    public record InstanceSet(int graph, String neuronpedia, String missing, List<Instance> items) {
    }

    /** One instance: nodes in role order X, Y, Z and its three edges. */
    public record Instance(int rank, double strength, String type, List<Node> nodes, List<Edge> edges) {
    }

    /** A node of a drawn instance. */
    public record Node(String id, String role, String label, int layer, int position, String kind) {
    }

    /** An edge between nodes of a drawn instance (indices into its nodes). */
    public record Edge(int source, int target, double weight) {
    }

    /** The recurring circuits of one model and transcoder. */
    public record RecurringSet(String model, String transcoder, int graphsSearched, int minGraphs,
                               List<Circuit> circuits) {
    }

    /**
     * One recurring circuit, with the Neuronpedia saved state that pins it in its strongest graph.
     *
     * @param strength {@code medianStrength} to three significant digits, for the table
     */
    public record Circuit(int rank, String key, int graphs, double medianStrength, String strength, String bestGraph,
                          List<String> graphNames, String qParams) {
    }
}
