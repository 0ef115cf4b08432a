package org.circuitgrammar.tracer.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.tracer.prune.GraphPruner;

/**
 * Turns a pruned attribution into the corpus {@link AttributionGraph} that {@code GraphWriter} writes as
 * Neuronpedia JSON (spec §3): nodes kept by pruning that are an endpoint of a kept link, plus every token and logit
 * node, in node-index order; links {@code A[target, source]} (raw direct effects) for every kept edge, ordered by
 * target then source. Ids and fields follow circuit-tracer ≥ 0.5.1: features {@code {layer}_{idx}_{pos}} with the
 * Cantor-paired {@code feature}, errors {@code {layer}_-1_{pos}}, tokens {@code E_{id}_{pos}} with
 * {@code feature = pos}, logits {@code {L+1}_{id}_{P-1}} with clerp {@code Output "tok" (p=0.123)}; the
 * {@code influence} field is the cumulative score (null for logits).
 */
public final class GraphExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphExport() {
    }

    /**
     * @param pieces       the display string of every prompt position ({@code prompt_tokens})
     * @param targetPieces the display string of every logit target, in target order
     * @param metadata     slug, scan, prompt and the metadata extras (see {@link #metadataExtras})
     */
    public static AttributionGraph toGraph(AttributionResult g, GraphPruner.PruneResult pruned, List<String> pieces,
                                           List<String> targetPieces, String slug, String scan, String prompt,
                                           Map<String, String> metadata) {
        PromptReplacement pr = g.prompt();
        int n = g.nodeCount();
        boolean[] endpoint = new boolean[n];
        java.util.BitSet edges = pruned.edges();
        for (int i = edges.nextSetBit(0); i >= 0; i = edges.nextSetBit(i + 1)) {
            endpoint[i / n] = true;
            endpoint[i % n] = true;
        }
        double[] cumulative = pruned.cumulativeScore();
        AttributionGraph.Builder b = AttributionGraph.builder(new GraphMetadata(slug, scan, null,
                pr.kind(), prompt, pieces, metadata));
        int[] index = new int[n];
        java.util.Arrays.fill(index, -1);
        int p = pr.positions;
        int layers = pr.layers;
        String extra = "{\"run_idx\":0,\"reverse_ctx_idx\":0}";
        for (int v = 0; v < n; v++) {
            boolean tokenOrLogit = v >= g.tokenNode(0);
            if (!pruned.keepsNode(v) || !(endpoint[v] || tokenOrLogit)) continue;
            AttributionGraph.Builder.NodeBuilder node;
            if (v < g.featureCount()) {
                int f = g.selectedFeature(v);
                int layer = pr.featureLayer[f];
                int feature = pr.featureIndex[f];
                int pos = pr.featurePosition[f];
                node = b.addNode(layer + "_" + feature + "_" + pos, NodeKind.FEATURE, layer, pos)
                        .featureType("cross layer transcoder").feature(cantor(layer, feature)).featureIndex(feature)
                        .activation(pr.activation[f]).influence(cumulative[v]).tokenProb(0.0);
            } else if (v < g.tokenNode(0)) {
                int layer = (v - g.errorNode(0, 0)) / p;
                int pos = (v - g.errorNode(0, 0)) % p;
                node = b.addNode(layer + "_-1_" + pos, NodeKind.ERROR, layer, pos)
                        .featureType("mlp reconstruction error").feature(-1).featureIndex(-1)
                        .influence(cumulative[v]).activation(Double.NaN).tokenProb(0.0);
            } else if (v < g.logitNode(0)) {
                int pos = v - g.tokenNode(0);
                node = b.addNode("E_" + pr.tokens[pos] + "_" + pos, NodeKind.EMBEDDING, -1, pos)
                        .featureType("embedding").feature(pos).influence(cumulative[v]).activation(Double.NaN)
                        .tokenProb(0.0);
            } else {
                int k = v - g.logitNode(0);
                int token = pr.targets.token(k);
                double probability = pr.targets.probability(k);
                node = b.addNode((layers + 1) + "_" + token + "_" + (p - 1), NodeKind.LOGIT, layers + 1, p - 1)
                        .featureType("logit").feature(token).tokenProb(probability).targetLogit(k == 0)
                        .label(String.format(Locale.ROOT, "Output \"%s\" (p=%.3f)", targetPieces.get(k), probability))
                        .influence(Double.NaN).activation(Double.NaN);
            }
            node.extra(extra);
            index[v] = node.index();
        }
        for (int i = edges.nextSetBit(0); i >= 0; i = edges.nextSetBit(i + 1)) {
            int target = i / n;
            int source = i % n;
            if (index[target] >= 0 && index[source] >= 0) b.addEdge(index[source], index[target], g.edge(target, source));
        }
        return b.build();
    }

    /** Cantor pairing {@code (l + f)(l + f + 1)/2 + f}, the {@code feature} field of circuit-tracer's nodes. */
    public static long cantor(long layer, long feature) {
        long s = layer + feature;
        return s * (s + 1) / 2 + feature;
    }

    /**
     * The metadata members after {@code slug, scan, prompt_tokens, prompt}, as compact JSON keyed by their JSON path
     * ({@code $.metadata.x}), in order: {@code transcoder_list}, {@code node_threshold}, {@code schema_version},
     * {@code info}, {@code generation_settings}, {@code pruning_settings}.
     */
    public static Map<String, String> metadataExtras(ObjectNode info, ObjectNode generationSettings,
                                                     double nodeThreshold, double edgeThreshold) {
        try {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("$.metadata.transcoder_list", "[]");
            m.put("$.metadata.node_threshold", JSON.writeValueAsString(nodeThreshold));
            m.put("$.metadata.schema_version", "1");
            m.put("$.metadata.info", JSON.writeValueAsString(info));
            m.put("$.metadata.generation_settings", JSON.writeValueAsString(generationSettings));
            ObjectNode pruning = JSON.createObjectNode().put("node_threshold", nodeThreshold)
                    .put("edge_threshold", edgeThreshold);
            m.put("$.metadata.pruning_settings", JSON.writeValueAsString(pruning));
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of plain nodes cannot fail", e);
        }
    }
}
