package org.circuitgrammar.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.instance.InstanceResult;
import org.circuitgrammar.motifs.instance.MotifInstance;
import org.circuitgrammar.motifs.instance.MotifInstanceFinder;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullDistribution;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.stats.Statistic;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.reports.compare.Cohort;
import org.circuitgrammar.reports.compare.Comparer;
import org.circuitgrammar.reports.compare.Comparison;
import org.circuitgrammar.reports.compare.GroupBy;
import org.circuitgrammar.reports.compare.MotifKey;
import org.circuitgrammar.reports.compare.SignificanceProfiles;
import org.circuitgrammar.reports.recurring.RecurringCircuit;
import org.circuitgrammar.reports.recurring.RecurringCircuitFinder;
import org.circuitgrammar.reports.source.GraphSource;

/**
 * Turns census results into the report's two halves: {@link ChartData} (numbers for the charts) and
 * {@link ReportText} (the words). Comparisons come from {@link Comparer} under the primary grouping, by transcoder
 * (CLT vs PLT) and by model; instances and recurring circuits need the graph files, which are re-read through
 * {@link GraphSource} only when they still match the results (in parallel, one graph per task; the output does not
 * depend on the thread count). Cost: the comparisons' {@code O(g² k)}, one read of each graph file, one FFL
 * enumeration per graph.
 */
public final class ReportBuilder {
    /** A null distribution drawn from raw samples gets at most this many bins. */
    static final int DISTRIBUTION_BINS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportOptions options;

    public ReportBuilder(ReportOptions options) {
        this.options = options;
    }

    /**
     * The report's data and text, and every listed recurring circuit as a subgraph ready to export.
     *
     * @param data      the chart data
     * @param text      the words
     * @param subgraphs one per listed recurring circuit, pinned in its strongest graph
     */
    public record Built(ChartData data, ReportText text, List<Subgraph> subgraphs) {
        public Built {
            subgraphs = List.copyOf(subgraphs);
        }
    }

    /**
     * A recurring circuit pinned in one graph, for {@link NeuronpediaSubgraph#write}.
     *
     * @param fileName  {@code <model>-<transcoder>-<rank>.<graph>.json}, safe as a file name
     * @param graph     the graph it is pinned in
     * @param circuit   the circuit
     * @param occurrence its occurrence in that graph
     */
    public record Subgraph(String fileName, AttributionGraph graph, RecurringCircuit circuit,
                           RecurringCircuit.Occurrence occurrence) {
    }

    /** Builds the report of {@code results} (in input order). */
    public Built build(List<CensusResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one census result");
        }
        Cohort cohort = Cohort.of(results, options.groupBy(), options.keepDuplicates(), options.jaccard());
        Comparison primary = Comparer.compare(cohort);
        List<ComparisonSection> sections = new ArrayList<>();
        sections.add(transcoderSection(results));
        sections.add(section("model", "Model vs model", "Graphs grouped by model. Models were traced with "
                + "different transcoders and prompts, so read a difference together with the CLT-vs-PLT section.",
                results));
        if (!List.of("transcoder", "model").contains(options.groupBy().key())) {
            sections.add(new ComparisonSection("by-" + options.groupBy().key(), "By " + options.groupBy().key(),
                    "Graphs grouped by " + options.groupBy().key() + ".", primary));
        }
        List<GraphSource.Loaded> loaded = loadGraphs(cohort);
        List<NullKind> nulls = Comparer.nullKinds(cohort.results());
        Map<String, ChartData.NullCharts> byNull = new LinkedHashMap<>();
        for (NullKind kind : nulls) {
            Comparison.NullComparison section = primary.nulls().stream()
                    .filter(n -> n.nullModel().equals(kind.cliName())).findFirst().orElseThrow();
            byNull.put(kind.cliName(), nullCharts(cohort, kind, section));
        }
        List<Subgraph> subgraphs = new ArrayList<>();
        List<ChartData.RecurringSet> recurring = recurring(cohort, loaded, subgraphs);
        ChartData data = new ChartData(options.groupBy().key(), cohort.groupNames(), graphs(cohort),
                nulls.stream().map(NullKind::cliName).toList(), byNull,
                sections.stream().map(ReportBuilder::comparisonChart).toList(), instances(cohort, loaded),
                recurring);
        ReportText text = new ReportText("circuit-grammar report: " + cohort.size() + " graphs by "
                + options.groupBy().key(), options.toolVersion(), options.groupBy().key(),
                ReportTextBuilder.summary(results, cohort),
                sections.stream().map(ReportTextBuilder::comparisonText).toList(),
                ReportTextBuilder.instancesNote(loaded), ReportTextBuilder.recurringText(recurring),
                ReportTextBuilder.methods(results, cohort, options.argv()));
        return new Built(data, text, subgraphs);
    }


    /**
     * CLT vs PLT within the models that have graphs of both kinds, so that the model does not confound the
     * transcoder; over every graph when no model has both.
     */
    private ComparisonSection transcoderSection(List<CensusResult> results) {
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (CensusResult r : results) {
            r.graph().attribute("model").ifPresent(m -> kinds.computeIfAbsent(m, k -> new TreeSet<>())
                    .add(r.graph().attribute("transcoder").orElse("unknown")));
        }
        List<String> both = kinds.entrySet().stream()
                .filter(e -> e.getValue().contains("clt") && e.getValue().contains("plt")).map(Map.Entry::getKey)
                .toList();
        List<CensusResult> within = both.isEmpty() ? results : results.stream()
                .filter(r -> r.graph().attribute("model").map(both::contains).orElse(false)).toList();
        String scope = both.isEmpty() ? "No model has graphs of both kinds, so all graphs are compared and the model "
                + "may confound the transcoder."
                : "Only graphs of " + String.join(", ", both) + " (the model(s) with graphs of both kinds) are "
                + "compared, so the model does not confound the transcoder.";
        return section("transcoder", "CLT vs PLT", "Graphs grouped by transcoder kind (cross-layer vs per-layer). "
                + scope + " Graphs whose file does not state the kind are listed, not tested.", within);
    }

    private ComparisonSection section(String key, String title, String intro, List<CensusResult> results) {
        Cohort c = Cohort.of(results, GroupBy.attribute(key), options.keepDuplicates(), options.jaccard());
        return new ComparisonSection(key, title, intro, Comparer.compare(c));
    }

    private List<GraphSource.Loaded> loadGraphs(Cohort cohort) {
        if (options.instancesPerGraph() == 0 && options.recurringMinGraphs() == 0) {
            return cohort.results().stream().map(r -> (GraphSource.Loaded)
                    new GraphSource.Missing("graphs not read (no instances or recurring circuits asked for)"))
                    .toList();
        }
        GraphSource source = new GraphSource(options.graphBase());
        return IntStream.range(0, cohort.size()).parallel()
                .mapToObj(i -> source.load(cohort.results().get(i))).toList();
    }

    private static List<ChartData.Graph> graphs(Cohort cohort) {
        List<ChartData.Graph> out = new ArrayList<>();
        GroupBy byCategory = new GroupBy(GroupBy.CATEGORY, cohort.groupBy().categories());
        for (int i = 0; i < cohort.size(); i++) {
            CensusResult r = cohort.results().get(i);
            var view = r.graph().views().isEmpty() ? null : r.graph().views().get(0);
            out.add(new ChartData.Graph(cohort.names().get(i), cohort.groups().get(i),
                    r.graph().attribute("model").orElse(GroupBy.UNGROUPED),
                    r.graph().attribute("transcoder").orElse(GroupBy.UNGROUPED), byCategory.groupOf(r.graph()),
                    view == null ? r.graph().fileNodes() : view.nodes(),
                    view == null ? r.graph().fileEdges() : view.edges(), r.graph().prompt()));
        }
        return out;
    }

    private static ChartData.NullCharts nullCharts(Cohort cohort, NullKind kind, Comparison.NullComparison section) {
        List<String> motifs = section.motifs().stream().map(Comparison.MotifComparison::motif).toList();
        List<List<Double>> log2 = new ArrayList<>();
        List<List<Double>> z = new ArrayList<>();
        LinkedHashSet<String> rowMotifs = new LinkedHashSet<>();
        List<Map<String, MotifRow>> rowsByGraph = new ArrayList<>();
        for (CensusResult r : cohort.results()) {
            Map<String, MotifRow> rows = new LinkedHashMap<>();
            r.nullResult(kind).filter(n -> n.samples() > 0).ifPresent(n -> {
                for (NullResult.FamilyRows f : n.families()) {
                    for (MotifRow row : f.rows()) {
                        rows.put(new MotifKey(f.family(), row.label()).toString(), row);
                    }
                }
            });
            rowsByGraph.add(rows);
            rowMotifs.addAll(rows.keySet());
            // heatmap cells only where the row is a statistic of its own, as in the comparisons
            log2.add(motifs.stream().map(m -> independent(rows.get(m)) ? value(rows.get(m).log2Ratio()) : null)
                    .toList());
            z.add(motifs.stream().map(m -> independent(rows.get(m)) ? value(rows.get(m).z()) : null).toList());
        }
        List<List<ChartData.Distribution>> distributions = new ArrayList<>();
        for (Map<String, MotifRow> rows : rowsByGraph) {
            distributions.add(rowMotifs.stream().map(m -> rows.containsKey(m) ? distribution(rows.get(m)) : null)
                    .toList());
        }
        Map<String, List<Double>> profileMean = new LinkedHashMap<>();
        for (String group : cohort.groupNames()) {
            List<Double> means = new ArrayList<>();
            for (String m : motifs) {
                double sum = 0;
                int n = 0;
                for (int g = 0; g < cohort.size(); g++) {
                    Double sp = cohort.groups().get(g).equals(group)
                            ? SignificanceProfiles.of(cohort.results().get(g), kind).get(m) : null;
                    if (sp != null) {
                        sum += sp;
                        n++;
                    }
                }
                means.add(n == 0 ? null : sum / n);
            }
            profileMean.put(group, means);
        }
        Comparison.ProfileSimilarity sim = section.profiles();
        List<Integer> leaves = sim.graphs().stream().map(cohort.names()::indexOf).toList();
        List<List<Double>> merges = sim.dendrogram().stream().map(m -> List.of((double) m.left(), (double) m.right(),
                m.distance(), (double) m.size())).toList();
        return new ChartData.NullCharts(motifs, log2, z, profileMean, List.copyOf(rowMotifs), distributions,
                new ChartData.Dendrogram(leaves, merges, sim.leafOrder()));
    }

    private static boolean independent(MotifRow row) {
        return row != null && row.role() == org.circuitgrammar.motifs.result.RowRole.INDEPENDENT;
    }

    private static Double value(Statistic s) {
        return s.isDefined() ? s.value() : null;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** The row's null distribution as a histogram: stored histograms as they are, raw samples binned. */
    static ChartData.Distribution distribution(MotifRow row) {
        String role = row.role().name().toLowerCase(Locale.ROOT);
        NullDistribution d = row.distribution();
        long min = 0;
        long width = 1;
        List<Integer> counts = List.of();
        if (d instanceof NullDistribution.Histogram h) {
            min = h.min();
            width = h.width();
            counts = h.counts();
        } else if (d instanceof NullDistribution.Samples s && !s.values().isEmpty()) {
            long lo = s.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            long hi = s.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            long span = hi - lo + 1;
            width = (span + DISTRIBUTION_BINS - 1) / DISTRIBUTION_BINS;
            int bins = (int) ((span + width - 1) / width);
            int[] c = new int[bins];
            for (long v : s.values()) {
                c[(int) ((v - lo) / width)]++;
            }
            min = lo;
            counts = IntStream.of(c).boxed().toList();
        }
        return new ChartData.Distribution(row.observed(), finite(row.nullMean()), finite(row.nullSd()),
                value(row.z()), value(row.log2Ratio()), role, min, width, counts);
    }

    private static ChartData.ComparisonChart comparisonChart(ComparisonSection s) {
        Map<String, List<String>> motifs = new LinkedHashMap<>();
        Map<String, Map<String, List<List<Double>>>> byNull = new LinkedHashMap<>();
        for (Comparison.NullComparison n : s.comparison().nulls()) {
            // every motif with a value is drawn, tested or not: the boxes describe, the table tests
            List<Comparison.MotifComparison> tested = n.motifs();
            motifs.put(n.nullModel(), tested.stream().map(Comparison.MotifComparison::motif).toList());
            Map<String, List<List<Double>>> perGroup = new LinkedHashMap<>();
            for (String group : s.comparison().groups()) {
                List<List<Double>> boxes = new ArrayList<>();
                for (Comparison.MotifComparison m : tested) {
                    Comparison.GroupSummary g = m.groups().stream().filter(x -> x.group().equals(group))
                            .findFirst().orElse(null);
                    boxes.add(g == null || g.medianLog2Ratio() == null ? null
                            : List.of(g.q1Log2Ratio(), g.medianLog2Ratio(), g.q3Log2Ratio()));
                }
                perGroup.put(group, boxes);
            }
            byNull.put(n.nullModel(), perGroup);
        }
        return new ChartData.ComparisonChart(s.id(), s.comparison().groups(), motifs, byNull);
    }

    private List<ChartData.InstanceSet> instances(Cohort cohort, List<GraphSource.Loaded> loaded) {
        if (options.instancesPerGraph() == 0) {
            return List.of();
        }
        return IntStream.range(0, cohort.size()).parallel().mapToObj(i -> {
            GraphSource.Loaded l = loaded.get(i);
            if (l instanceof GraphSource.Missing m) {
                return new ChartData.InstanceSet(i, neuronpediaLink(cohort.results().get(i)), m.reason(), List.of());
            }
            AnalysedGraph view = ((GraphSource.Found) l).view();
            InstanceResult r = new MotifInstanceFinder(view.graph()).find(DagMotif.FFL, options.instancesPerGraph(),
                    null);
            List<ChartData.Instance> items = new ArrayList<>();
            int rank = 0;
            for (MotifInstance inst : r.top()) {
                items.add(instance(view, inst, ++rank));
            }
            return new ChartData.InstanceSet(i, neuronpediaLink(cohort.results().get(i)), null, items);
        }).toList();
    }

    private static ChartData.Instance instance(AnalysedGraph view, MotifInstance inst, int rank) {
        AttributionGraph g = view.source();
        DagMotif m = inst.motif();
        List<ChartData.Node> nodes = new ArrayList<>();
        for (int role = 0; role < m.size(); role++) {
            int v = view.originalNode(inst.node(role));
            nodes.add(new ChartData.Node(g.nodeId(v), "XYZ".substring(role, role + 1) + " (" + m.roles().get(role)
                    + ")", g.label(v), g.layer(v), g.position(v), g.kind(v).name().toLowerCase(Locale.ROOT)));
        }
        List<ChartData.Edge> edges = new ArrayList<>();
        for (int e = 0; e < m.edgeCount(); e++) {
            edges.add(new ChartData.Edge(m.edgeSource(e), m.edgeTarget(e), inst.weight(e)));
        }
        return new ChartData.Instance(rank, inst.strength(), inst.fflSignType().name(), nodes, edges);
    }

    /** The file's own {@code metadata.info.neuronpedia_link}, or null: links are never guessed. */
    static String neuronpediaLink(CensusResult r) {
        String info = r.graph().metadata().get("info");
        if (info == null) {
            return null;
        }
        try {
            JsonNode link = JSON.readTree(info).get("neuronpedia_link");
            return link != null && link.isTextual() && link.asText().startsWith("https://") ? link.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private List<ChartData.RecurringSet> recurring(Cohort cohort, List<GraphSource.Loaded> loaded,
                                                   List<Subgraph> subgraphs) {
        List<ChartData.RecurringSet> out = new ArrayList<>();
        if (options.recurringMinGraphs() == 0) {
            return out;
        }
        Map<String, List<Integer>> byModelTranscoder = new TreeMap<>();
        for (int i = 0; i < cohort.size(); i++) {
            CensusResult r = cohort.results().get(i);
            String model = r.graph().attribute("model").orElse(null);
            String transcoder = r.graph().attribute("transcoder").orElse("unknown");
            if (model != null && !transcoder.equals("unknown") && loaded.get(i) instanceof GraphSource.Found) {
                byModelTranscoder.computeIfAbsent(model + "\t" + transcoder, k -> new ArrayList<>()).add(i);
            }
        }
        byModelTranscoder.forEach((key, members) -> {
            if (members.size() < options.recurringMinGraphs()) {
                return;
            }
            List<AnalysedGraph> views = members.stream()
                    .map(i -> ((GraphSource.Found) loaded.get(i)).view()).toList();
            List<RecurringCircuit> found = RecurringCircuitFinder.find(views, options.recurringMinGraphs());
            List<ChartData.Circuit> circuits = new ArrayList<>();
            for (int rank = 0; rank < Math.min(options.recurringTop(), found.size()); rank++) {
                RecurringCircuit c = found.get(rank);
                List<String> names = c.occurrences().stream()
                        .map(o -> cohort.names().get(members.get(o.graph()))).toList();
                circuits.add(new ChartData.Circuit(rank + 1, c.key().toString(), c.graphs(), c.medianStrength(),
                        String.format(Locale.ROOT, "%.3g", c.medianStrength()), names.get(0), names, NeuronpediaSubgraph.qParams(c, c.occurrences().get(0))));
            }
            String[] parts = key.split("\t");
            for (int rank = 0; rank < circuits.size(); rank++) {
                RecurringCircuit c = found.get(rank);
                int best = members.get(c.occurrences().get(0).graph());
                String file = (parts[0] + "-" + parts[1] + "-" + (rank + 1) + "." + cohort.names().get(best))
                        .replaceAll("[^A-Za-z0-9._@-]", "_") + ".json";
                subgraphs.add(new Subgraph(file, ((GraphSource.Found) loaded.get(best)).graph(), c,
                        c.occurrences().get(0)));
            }
            out.add(new ChartData.RecurringSet(parts[0], parts[1], members.size(), options.recurringMinGraphs(),
                    circuits));
        });
        return out;
    }

}
