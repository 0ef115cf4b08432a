package org.circuitgrammar.motifs.view;

import java.util.Objects;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The analysed view of an attribution graph: the nodes and edges {@link AnalysisOptions} keep, as a
 * {@link SignedDigraph} over dense indices, with the way back to the original node of each analysed node.
 *
 * <p>Rules, in order: drop nodes of excluded kinds (errors by default) and every edge touching them; drop edges with
 * {@code |w| < threshold}; drop edges whose layer gap exceeds the limit; drop self-loops; of parallel edges keep the
 * first in file order. Analysed nodes keep the file order of the original nodes. Isolated nodes are kept (they change
 * the 003 and 012 triad counts, as in networkx). Layers are the file's layers (embeddings -1).
 *
 * @param graph        the simple signed digraph the analyses run on
 * @param originalNode analysed node index → node index in {@code source}
 * @param source       the graph this view was taken from
 * @param options      how the view was taken
 */
public record AnalysedGraph(SignedDigraph graph, int[] originalNode, AttributionGraph source,
                            AnalysisOptions options) {
    public AnalysedGraph {
        Objects.requireNonNull(graph);
        Objects.requireNonNull(source);
        Objects.requireNonNull(options);
        originalNode = originalNode.clone();
    }

    /** Takes the view. {@code O(n + m log m)}. */
    public static AnalysedGraph of(AttributionGraph g, AnalysisOptions options) {
        int n = g.nodeCount();
        int[] newIndex = new int[n];
        int kept = 0;
        for (int v = 0; v < n; v++) {
            newIndex[v] = keeps(g.kind(v), options) ? kept++ : -1;
        }
        int[] original = new int[kept];
        int[] layer = new int[kept];
        int[] position = new int[kept];
        for (int v = 0; v < n; v++) {
            if (newIndex[v] >= 0) {
                original[newIndex[v]] = v;
                layer[newIndex[v]] = g.layer(v);
                position[newIndex[v]] = g.position(v);
            }
        }
        int m = g.edgeCount();
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        int k = 0;
        for (int e = 0; e < m; e++) {
            int s = newIndex[g.edgeSource(e)];
            int t = newIndex[g.edgeTarget(e)];
            double weight = g.edgeWeight(e);
            if (s < 0 || t < 0 || !(Math.abs(weight) >= options.weightThreshold())) {
                continue;
            }
            if (options.maxLayerGap() > 0 && layer[t] - layer[s] > options.maxLayerGap()) {
                continue;
            }
            src[k] = s;
            dst[k] = t;
            w[k] = weight;
            k++;
        }
        return new AnalysedGraph(SignedDigraph.fromEdges(layer, position, src, dst, w, k), original, g, options);
    }

    private static boolean keeps(NodeKind kind, AnalysisOptions o) {
        return switch (kind) {
            case ERROR -> o.keepErrors();
            case EMBEDDING -> o.keepEmbeddings();
            case LOGIT -> o.keepLogits();
            case FEATURE -> true;
        };
    }

    @Override
    public int[] originalNode() {
        return originalNode.clone();
    }

    /** The original node index of analysed node {@code v}. */
    public int originalNode(int v) {
        return originalNode[v];
    }
}
