package org.circuitgrammar.motifs.view;

import java.util.Objects;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The graph as circuit-motifs loads it (its {@code graph_loader} and {@code get_effective_layer}), for the
 * {@code circuit-motifs} compatibility profile; {@link AnalysedGraph} is the correct default.
 *
 * <p>Rules (see {@code shared/spec/circuit-motifs.md} §1): drop a node iff its {@code feature_type} is exactly
 * {@code "mlp reconstruction error"} (lorsa errors and any other type are kept), unless {@code keepErrors}; drop
 * links touching a dropped node; drop a link iff {@code |w| < threshold} (strict, zero weights kept and counted
 * excitatory by every census, as in the anchor). A logit's layer is the <em>effective</em> layer: the largest raw
 * layer ≥ 0 over all kept nodes, logits included, plus one (Haiku Dallas: logits raw 18, effective 19). With a layer
 * gap window (the anchor's signed counts use 1..5) a link is kept iff
 * {@code minGap ≤ layer(target) − layer(source) ≤ maxGap} in effective layers.
 *
 * <p>The anchor keeps parallel links as multi-edges; a {@link SignedDigraph} is simple, so they are merged (first in
 * file order kept) and counted in {@link #loadedEdges()}, which is the anchor's edge count. Triad census and signed
 * counts ignore multiplicity in the anchor too; only its null swap chains could differ, on files that have parallel
 * links (none of the anchor's examples do). {@code O(n + m log m)}.
 *
 * @param graph               the simple signed digraph with effective layers
 * @param loadedNodes         nodes the anchor would load
 * @param loadedEdges         links the anchor would load (parallel links and self-loops included)
 * @param effectiveLogitLayer the layer given to logit nodes
 */
public record CircuitMotifsView(SignedDigraph graph, int loadedNodes, int loadedEdges, int effectiveLogitLayer) {
    /** The only {@code feature_type} the anchor drops by default. */
    public static final String ANCHOR_ERROR_TYPE = "mlp reconstruction error";
    /** The anchor's layer-gap window for its signed counts. */
    public static final int SIGNED_MIN_GAP = 1;
    /** The anchor's layer-gap window for its signed counts. */
    public static final int SIGNED_MAX_GAP = 5;

    public CircuitMotifsView {
        Objects.requireNonNull(graph, "graph");
    }

    /** The anchor's view without a gap window (its unsigned pipeline). */
    public static CircuitMotifsView of(AttributionGraph g, boolean keepErrors, double threshold) {
        return of(g, keepErrors, threshold, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** The anchor's view keeping only links whose effective layer gap lies in {@code [minGap, maxGap]}. */
    public static CircuitMotifsView of(AttributionGraph g, boolean keepErrors, double threshold, int minGap,
                                       int maxGap) {
        int n = g.nodeCount();
        int[] newIndex = new int[n];
        int kept = 0;
        int maxRawLayer = -1;
        for (int v = 0; v < n; v++) {
            boolean keep = keepErrors || !ANCHOR_ERROR_TYPE.equals(g.featureType(v));
            newIndex[v] = keep ? kept++ : -1;
            if (keep) {
                maxRawLayer = Math.max(maxRawLayer, g.layer(v));
            }
        }
        int logitLayer = maxRawLayer + 1;
        int[] layer = new int[kept];
        int[] position = new int[kept];
        for (int v = 0; v < n; v++) {
            if (newIndex[v] >= 0) {
                layer[newIndex[v]] = g.kind(v) == NodeKind.LOGIT ? logitLayer : g.layer(v);
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
            if (s < 0 || t < 0 || Math.abs(g.edgeWeight(e)) < threshold) {
                continue;
            }
            long gap = (long) layer[t] - layer[s];
            if (gap < minGap || gap > maxGap) {
                continue;
            }
            src[k] = s;
            dst[k] = t;
            w[k] = g.edgeWeight(e);
            k++;
        }
        return new CircuitMotifsView(SignedDigraph.fromEdges(layer, position, src, dst, w, k), kept, k, logitLayer);
    }
}
