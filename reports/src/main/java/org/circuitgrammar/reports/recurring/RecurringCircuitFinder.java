package org.circuitgrammar.reports.recurring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.motifs.grammar.FflSignType;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;

/**
 * Finds feed-forward loops made of the same three transcoder features (same layer and feature index, any token
 * position) in at least k graphs of one model and transcoder: circuits that recur across prompts.
 *
 * <p>Definition: per graph, an induced FFL of the analysed view whose three nodes are features (X → Y, Y → Z,
 * X → Z, and none of the reverse edges, as the census counts it), keyed by its {@link CircuitKey}; a key found in at
 * least {@code minGraphs} graphs is a recurring circuit. Ranking: recurrence (graphs) descending, then median
 * strength descending, then the key, so the order is total and deterministic.
 *
 * <p>Pruning, exact: an FFL that recurs in k graphs has each of its three feature-to-feature edges in those k
 * graphs, so the search first counts, per feature pair, the graphs with an edge between nodes of those features,
 * and then enumerates FFLs only over edges whose pair recurs in at least k graphs. Cost: {@code O(m)} per graph for
 * the pair counts, then {@code O(Σ_y in'(y) · out'(y) · log d)} over the kept edges; memory proportional to the
 * distinct feature pairs; graphs are searched in parallel. The caller passes graphs of one model and transcoder only: feature indices of different
 * dictionaries are unrelated.
 */
public final class RecurringCircuitFinder {
    private RecurringCircuitFinder() {
    }

    /**
     * The recurring circuits of {@code views} (one per graph, in a fixed order) occurring in at least
     * {@code minGraphs} of them.
     */
    public static List<RecurringCircuit> find(List<AnalysedGraph> views, int minGraphs) {
        if (minGraphs < 1) {
            throw new IllegalArgumentException("minGraphs must be >= 1: " + minGraphs);
        }
        // graphs are searched in parallel and merged in graph order, so the result does not depend on threads
        List<FeatureRef[]> features = views.stream().map(RecurringCircuitFinder::features).toList();
        Map<FeaturePair, Integer> pairGraphs = new HashMap<>();
        IntStream.range(0, views.size()).parallel().mapToObj(g -> featurePairs(views.get(g), features.get(g)))
                .toList().forEach(pairs -> pairs.forEach(p -> pairGraphs.merge(p, 1, Integer::sum)));
        pairGraphs.values().removeIf(n -> n < minGraphs);
        Set<FeaturePair> recurringPairs = pairGraphs.keySet();
        Map<CircuitKey, List<RecurringCircuit.Occurrence>> byKey = new HashMap<>();
        IntStream.range(0, views.size()).parallel()
                .mapToObj(g -> occurrences(views.get(g), features.get(g), recurringPairs, g)).toList()
                .forEach(perGraph -> perGraph.forEach((key, occ) ->
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(occ)));
        List<RecurringCircuit> out = new ArrayList<>();
        byKey.forEach((key, occ) -> {
            if (occ.size() >= minGraphs) {
                List<RecurringCircuit.Occurrence> sorted = occ.stream()
                        .sorted(Comparator.comparingDouble(RecurringCircuit.Occurrence::strength).reversed()
                                .thenComparingInt(RecurringCircuit.Occurrence::graph))
                        .toList();
                out.add(new RecurringCircuit(key, occ.size(), median(sorted), sorted));
            }
        });
        out.sort(Comparator.comparingInt(RecurringCircuit::graphs).reversed()
                .thenComparing(Comparator.comparingDouble(RecurringCircuit::medianStrength).reversed())
                .thenComparing(RecurringCircuit::key));
        return out;
    }

    /** An ordered pair of features joined by an edge (source feature, target feature). */
    private record FeaturePair(FeatureRef source, FeatureRef target) {
    }

    /** The feature of each analysed node, or null for embeddings, errors and logits. */
    private static FeatureRef[] features(AnalysedGraph view) {
        AttributionGraph source = view.source();
        FeatureRef[] feature = new FeatureRef[view.graph().nodeCount()];
        for (int v = 0; v < feature.length; v++) {
            int o = view.originalNode(v);
            if (source.kind(o) == NodeKind.FEATURE) {
                feature[v] = new FeatureRef(source.layer(o), source.featureIndex(o));
            }
        }
        return feature;
    }

    /** The distinct feature pairs with an edge in this graph. {@code O(m)}. */
    private static Set<FeaturePair> featurePairs(AnalysedGraph view, FeatureRef[] feature) {
        SignedDigraph d = view.graph();
        int[] outOff = d.rawOutOffsets();
        int[] outDst = d.rawOutTargets();
        Set<FeaturePair> pairs = new HashSet<>();
        for (int s = 0; s < d.nodeCount(); s++) {
            if (feature[s] == null) {
                continue;
            }
            for (int e = outOff[s]; e < outOff[s + 1]; e++) {
                if (feature[outDst[e]] != null) {
                    pairs.add(new FeaturePair(feature[s], feature[outDst[e]]));
                }
            }
        }
        return pairs;
    }

    /** Every feature-only FFL of one graph over edges of recurring feature pairs, grouped by its key. */
    private static Map<CircuitKey, RecurringCircuit.Occurrence> occurrences(AnalysedGraph view, FeatureRef[] feature,
                                                                          Set<FeaturePair> recurringPairs,
                                                                          int graphIndex) {
        SignedDigraph d = view.graph();
        int n = d.nodeCount();
        int[] inOff = d.rawInOffsets();
        int[] inSrc = d.rawInSources();
        int[] outOff = d.rawOutOffsets();
        int[] outDst = d.rawOutTargets();
        Map<CircuitKey, Builder> builders = new TreeMap<>();
        for (int y = 0; y < n; y++) {
            if (feature[y] == null) {
                continue;
            }
            for (int i = inOff[y]; i < inOff[y + 1]; i++) {
                int x = inSrc[i];
                if (feature[x] == null || d.hasEdge(y, x)
                        || !recurringPairs.contains(new FeaturePair(feature[x], feature[y]))) {
                    continue;
                }
                for (int j = outOff[y]; j < outOff[y + 1]; j++) {
                    int z = outDst[j];
                    if (z == x || feature[z] == null || d.hasEdge(z, y) || !d.hasEdge(x, z) || d.hasEdge(z, x)
                            || !recurringPairs.contains(new FeaturePair(feature[y], feature[z]))
                            || !recurringPairs.contains(new FeaturePair(feature[x], feature[z]))) {
                        continue;
                    }
                    double wxy = d.weight(x, y);
                    double wyz = d.weight(y, z);
                    double wxz = d.weight(x, z);
                    double strength = Math.min(Math.abs(wxy), Math.min(Math.abs(wyz), Math.abs(wxz)));
                    CircuitKey key = new CircuitKey(feature[x], feature[y], feature[z]);
                    builders.computeIfAbsent(key, k -> new Builder())
                            .add(strength, FflSignType.of(wxy, wyz, wxz), ids(view, x, y, z));
                }
            }
        }
        Map<CircuitKey, RecurringCircuit.Occurrence> out = new HashMap<>();
        builders.forEach((key, b) -> out.put(key, b.build(graphIndex)));
        return out;
    }

    private static String[] ids(AnalysedGraph view, int x, int y, int z) {
        AttributionGraph s = view.source();
        return new String[] {s.nodeId(view.originalNode(x)), s.nodeId(view.originalNode(y)),
            s.nodeId(view.originalNode(z))};
    }

    private static double median(List<RecurringCircuit.Occurrence> occ) {
        double[] s = occ.stream().mapToDouble(RecurringCircuit.Occurrence::strength).sorted().toArray();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** Collects the instances of one key in one graph. */
    private static final class Builder {
        private int instances;
        private double best = -1;
        private FflSignType bestType;
        private String[] bestIds;
        private final List<LinkedHashSet<String>> roles = List.of(new LinkedHashSet<>(), new LinkedHashSet<>(),
                new LinkedHashSet<>());

        void add(double strength, FflSignType type, String[] ids) {
            instances++;
            // ties keep the first instance in enumeration order (by intermediate, then in-edge, then out-edge)
            if (strength > best) {
                best = strength;
                bestType = type;
                bestIds = ids;
            }
            for (int r = 0; r < 3; r++) {
                roles.get(r).add(ids[r]);
            }
        }

        RecurringCircuit.Occurrence build(int graph) {
            LinkedHashSet<String> all = new LinkedHashSet<>(List.of(bestIds));
            roles.forEach(all::addAll);
            return new RecurringCircuit.Occurrence(graph, instances, best, bestType.name(), List.copyOf(all),
                    roles.stream().map(r -> (List<String>) List.copyOf(r)).toList());
        }
    }
}
