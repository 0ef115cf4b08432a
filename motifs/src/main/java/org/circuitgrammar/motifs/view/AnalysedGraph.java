package org.circuitgrammar.motifs.view;

import java.util.Objects;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The analysed view of an attribution graph: the nodes and edges {@link AnalysisOptions} keep, as a
 * {@link SignedDigraph} over dense indices, with the way back to the original node of each analysed node. Every
 * motif count of the project runs on this view; {@code docs/motifs.md} ("The analysed view") is the long form.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>drop nodes of excluded kinds and every edge touching them: error nodes (any {@code feature_type} containing
 *       "error", so MLP and lorsa errors) unless {@link AnalysisOptions#keepErrors()}; embeddings and logits are
 *       kept unless switched off; lorsa features are features;</li>
 *   <li>drop edges with {@code |w| < threshold} (the default 0 keeps every edge, zero weights included);</li>
 *   <li>if a maximum layer gap is set, drop edges with {@code layer(target) − layer(source)} above it;</li>
 *   <li>if a top-edges fraction F &lt; 1 is set, keep the ⌈F·m⌉ remaining edges of largest |w| (ties: file order);</li>
 *   <li>drop self-loops; of parallel edges keep the first in file order (with its weight).</li>
 * </ol>
 * Analysed nodes keep the file order of the original nodes. Isolated nodes are kept (they change the 003 and 012
 * triad counts, as in networkx). Layers and positions are the file's: embeddings −1, logits wherever the file puts
 * them (circuit-tracer: {@code n_layers + 1}, one above the last real layer, so a logit edge's layer gap counts the
 * skipped layer; circuit-motifs' "effective layer" is a different rule, see {@code CircuitMotifsView}). Duplicate
 * node ids are resolved by the reader before the view is taken. Edges are not required to go up in layer: two shared
 * files ({@code gemma-2-2b/plt/dallas_ea.json} with 10 mutual pairs, the dense 16×16
 * {@code llama-3.2-1b/clt/dallas-austin.03c838e.json}) give views that are not DAGs, and the census stays exact on
 * them. Sign: an edge is negative iff {@code w < 0}; zero counts as positive.
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
        if (options.topEdges() < 1) {
            k = keepLargest(src, dst, w, k, (int) Math.ceil(options.topEdges() * k));
        }
        return new AnalysedGraph(SignedDigraph.fromEdges(layer, position, src, dst, w, k), original, g, options);
    }

    /**
     * Keeps the {@code keep} of the first {@code m} edges with largest |w| (ties: earlier first), compacted in their
     * original order; returns {@code keep}. {@code O(m log m)}.
     */
    private static int keepLargest(int[] src, int[] dst, double[] w, int m, int keep) {
        Integer[] order = new Integer[m];
        for (int e = 0; e < m; e++) {
            order[e] = e;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byWeight = Double.compare(Math.abs(w[b]), Math.abs(w[a]));
            return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
        boolean[] kept = new boolean[m];
        for (int i = 0; i < keep; i++) {
            kept[order[i]] = true;
        }
        int k = 0;
        for (int e = 0; e < m; e++) {
            if (kept[e]) {
                src[k] = src[e];
                dst[k] = dst[e];
                w[k] = w[e];
                k++;
            }
        }
        return k;
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
