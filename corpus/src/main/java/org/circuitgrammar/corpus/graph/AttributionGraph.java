package org.circuitgrammar.corpus.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable attribution graph: nodes as primitive columns indexed {@code 0..nodeCount()-1} in file order,
 * signed edges indexed {@code 0..edgeCount()-1} in file order, and both a by-source (CSR) and a by-target (CSC)
 * index over the edges.
 *
 * <p>Node ids need not be unique (real files repeat them, see {@link #notes()}): the node index is the identity.
 * Self-loops, zero weights and parallel edges are kept as they were read; analyses decide what to do with them.
 * Absent optional numbers are {@code NaN}; absent strings are {@code null}.
 *
 * <p>Build with {@link #builder(GraphMetadata)}. Instances are thread-safe. Memory: about 40 bytes per edge.
 */
public final class AttributionGraph {
    private final GraphMetadata metadata;
    private final String[] nodeIds;
    private final NodeKind[] kinds;
    private final String[] featureTypes;
    private final int[] layers;
    private final int[] positions;
    private final long[] features;
    private final long[] featureIndices;
    private final String[] labels;
    private final double[] activations;
    private final double[] influences;
    private final boolean[] targetLogits;
    private final double[] tokenProbs;
    private final String[] nodeExtras;

    private final int[] edgeSources;
    private final int[] edgeTargets;
    private final double[] edgeWeights;
    private final int[] outOffsets;
    private final int[] outEdges;
    private final int[] inOffsets;
    private final int[] inEdges;
    private final List<String> notes;

    private AttributionGraph(Builder b) {
        int n = b.nodeCount;
        int m = b.edgeCount;
        metadata = b.metadata;
        nodeIds = Arrays.copyOf(b.nodeIds, n);
        kinds = Arrays.copyOf(b.kinds, n);
        featureTypes = Arrays.copyOf(b.featureTypes, n);
        layers = Arrays.copyOf(b.layers, n);
        positions = Arrays.copyOf(b.positions, n);
        features = Arrays.copyOf(b.features, n);
        featureIndices = Arrays.copyOf(b.featureIndices, n);
        labels = Arrays.copyOf(b.labels, n);
        activations = Arrays.copyOf(b.activations, n);
        influences = Arrays.copyOf(b.influences, n);
        targetLogits = Arrays.copyOf(b.targetLogits, n);
        tokenProbs = Arrays.copyOf(b.tokenProbs, n);
        nodeExtras = Arrays.copyOf(b.nodeExtras, n);
        edgeSources = Arrays.copyOf(b.edgeSources, m);
        edgeTargets = Arrays.copyOf(b.edgeTargets, m);
        edgeWeights = Arrays.copyOf(b.edgeWeights, m);
        outOffsets = new int[n + 1];
        inOffsets = new int[n + 1];
        outEdges = new int[m];
        inEdges = new int[m];
        index(edgeSources, outOffsets, outEdges);
        index(edgeTargets, inOffsets, inEdges);
        notes = List.copyOf(b.notes);
    }

    /** Counting sort of edge ids by endpoint; stable, so each node's edges stay in file order. */
    private static void index(int[] endpoint, int[] offsets, int[] edges) {
        for (int v : endpoint) {
            offsets[v + 1]++;
        }
        for (int i = 1; i < offsets.length; i++) {
            offsets[i] += offsets[i - 1];
        }
        int[] next = Arrays.copyOf(offsets, offsets.length - 1);
        for (int e = 0; e < endpoint.length; e++) {
            edges[next[endpoint[e]]++] = e;
        }
    }

    public static Builder builder(GraphMetadata metadata) {
        return new Builder(metadata);
    }

    public GraphMetadata metadata() { return metadata; }

    public int nodeCount() { return nodeIds.length; }

    public int edgeCount() { return edgeSources.length; }

    /** The {@code node_id} as written in the file; not necessarily unique. */
    public String nodeId(int v) { return nodeIds[v]; }

    public NodeKind kind(int v) { return kinds[v]; }

    /** The raw {@code feature_type} string, e.g. "cross layer transcoder", "lorsa", or null when absent. */
    public String featureType(int v) { return featureTypes[v]; }

    /** Layer as written: embeddings -1, logits as in the file (usually n_layers+1). */
    public int layer(int v) { return layers[v]; }

    /** Context (token) position {@code ctx_idx}. */
    public int position(int v) { return positions[v]; }

    /** The raw {@code feature} field (encoding varies by producer), or {@link Long#MIN_VALUE} when absent. */
    public long feature(int v) { return features[v]; }

    /** The decoded per-layer (or global, for Haiku) feature index, or -1 when the node has none. */
    public long featureIndex(int v) { return featureIndices[v]; }

    /** The {@code clerp} label (for embeddings and logits it holds the token text), or null. */
    public String label(int v) { return labels[v]; }

    public double activation(int v) { return activations[v]; }

    public double influence(int v) { return influences[v]; }

    public boolean isTargetLogit(int v) { return targetLogits[v]; }

    public double tokenProb(int v) { return tokenProbs[v]; }

    /** The node's other JSON fields ({@code jsNodeId}, {@code reverse_ctx_idx}, unknown ones) as a compact JSON object, or null. */
    public String nodeExtra(int v) { return nodeExtras[v]; }

    public int edgeSource(int e) { return edgeSources[e]; }

    public int edgeTarget(int e) { return edgeTargets[e]; }

    /** Signed weight as read. */
    public double edgeWeight(int e) { return edgeWeights[e]; }

    public int outDegree(int v) { return outOffsets[v + 1] - outOffsets[v]; }

    public int inDegree(int v) { return inOffsets[v + 1] - inOffsets[v]; }

    /** The id of {@code v}'s {@code i}-th outgoing edge, in file order. */
    public int outEdge(int v, int i) {
        Objects.checkIndex(i, outDegree(v));
        return outEdges[outOffsets[v] + i];
    }

    /** The id of {@code v}'s {@code i}-th incoming edge, in file order. */
    public int inEdge(int v, int i) {
        Objects.checkIndex(i, inDegree(v));
        return inEdges[inOffsets[v] + i];
    }

    /** Number of nodes of the given kind. */
    public int count(NodeKind kind) {
        int c = 0;
        for (NodeKind k : kinds) {
            if (k == kind) {
                c++;
            }
        }
        return c;
    }

    /** What the reader noticed and how it resolved it (duplicate ids, self-loops, ...); empty for a clean file. */
    public List<String> notes() { return notes; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributionGraph g)) {
            return false;
        }
        return metadata.equals(g.metadata)
                && Arrays.equals(nodeIds, g.nodeIds) && Arrays.equals(kinds, g.kinds)
                && Arrays.equals(featureTypes, g.featureTypes) && Arrays.equals(layers, g.layers)
                && Arrays.equals(positions, g.positions) && Arrays.equals(features, g.features)
                && Arrays.equals(featureIndices, g.featureIndices) && Arrays.equals(labels, g.labels)
                && Arrays.equals(activations, g.activations) && Arrays.equals(influences, g.influences)
                && Arrays.equals(targetLogits, g.targetLogits) && Arrays.equals(tokenProbs, g.tokenProbs)
                && Arrays.equals(nodeExtras, g.nodeExtras)
                && Arrays.equals(edgeSources, g.edgeSources) && Arrays.equals(edgeTargets, g.edgeTargets)
                && Arrays.equals(edgeWeights, g.edgeWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, Arrays.hashCode(nodeIds), Arrays.hashCode(edgeSources),
                Arrays.hashCode(edgeTargets), Arrays.hashCode(edgeWeights));
    }

    @Override
    public String toString() {
        return "AttributionGraph[" + metadata.slug() + ", " + nodeCount() + " nodes, " + edgeCount() + " edges]";
    }

    /** Accumulates nodes and edges; {@link #build()} freezes them. Not thread-safe. */
    public static final class Builder {
        private final GraphMetadata metadata;
        private int nodeCount;
        private int edgeCount;
        private String[] nodeIds = new String[16];
        private NodeKind[] kinds = new NodeKind[16];
        private String[] featureTypes = new String[16];
        private int[] layers = new int[16];
        private int[] positions = new int[16];
        private long[] features = new long[16];
        private long[] featureIndices = new long[16];
        private String[] labels = new String[16];
        private double[] activations = new double[16];
        private double[] influences = new double[16];
        private boolean[] targetLogits = new boolean[16];
        private double[] tokenProbs = new double[16];
        private String[] nodeExtras = new String[16];
        private int[] edgeSources = new int[16];
        private int[] edgeTargets = new int[16];
        private double[] edgeWeights = new double[16];
        private final List<String> notes = new ArrayList<>();

        private Builder(GraphMetadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
        }

        /** Starts a node with the required fields; optional ones default to absent. Returns its index. */
        public NodeBuilder addNode(String nodeId, NodeKind kind, int layer, int position) {
            if (nodeCount == nodeIds.length) {
                int c = nodeCount * 2;
                nodeIds = Arrays.copyOf(nodeIds, c);
                kinds = Arrays.copyOf(kinds, c);
                featureTypes = Arrays.copyOf(featureTypes, c);
                layers = Arrays.copyOf(layers, c);
                positions = Arrays.copyOf(positions, c);
                features = Arrays.copyOf(features, c);
                featureIndices = Arrays.copyOf(featureIndices, c);
                labels = Arrays.copyOf(labels, c);
                activations = Arrays.copyOf(activations, c);
                influences = Arrays.copyOf(influences, c);
                targetLogits = Arrays.copyOf(targetLogits, c);
                tokenProbs = Arrays.copyOf(tokenProbs, c);
                nodeExtras = Arrays.copyOf(nodeExtras, c);
            }
            int v = nodeCount++;
            nodeIds[v] = Objects.requireNonNull(nodeId, "nodeId");
            kinds[v] = Objects.requireNonNull(kind, "kind");
            layers[v] = layer;
            positions[v] = position;
            features[v] = Long.MIN_VALUE;
            featureIndices[v] = -1;
            activations[v] = Double.NaN;
            influences[v] = Double.NaN;
            tokenProbs[v] = Double.NaN;
            return new NodeBuilder(v);
        }

        /** Adds a directed edge between two node indices already added. Returns the edge index. */
        public int addEdge(int source, int target, double weight) {
            Objects.checkIndex(source, nodeCount);
            Objects.checkIndex(target, nodeCount);
            if (edgeCount == edgeSources.length) {
                int c = edgeCount * 2;
                edgeSources = Arrays.copyOf(edgeSources, c);
                edgeTargets = Arrays.copyOf(edgeTargets, c);
                edgeWeights = Arrays.copyOf(edgeWeights, c);
            }
            edgeSources[edgeCount] = source;
            edgeTargets[edgeCount] = target;
            edgeWeights[edgeCount] = weight;
            return edgeCount++;
        }

        /** Records something the reader noticed, e.g. how links to a duplicated node id were attributed. */
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public int nodeCount() { return nodeCount; }

        public AttributionGraph build() {
            return new AttributionGraph(this);
        }

        /** Sets the optional fields of one node. */
        public final class NodeBuilder {
            private final int index;

            private NodeBuilder(int index) { this.index = index; }

            public int index() { return index; }

            public NodeBuilder featureType(String s) { featureTypes[index] = s; return this; }

            public NodeBuilder feature(long raw) { features[index] = raw; return this; }

            public NodeBuilder featureIndex(long idx) { featureIndices[index] = idx; return this; }

            public NodeBuilder label(String s) { labels[index] = s; return this; }

            public NodeBuilder activation(double a) { activations[index] = a; return this; }

            public NodeBuilder influence(double x) { influences[index] = x; return this; }

            public NodeBuilder targetLogit(boolean t) { targetLogits[index] = t; return this; }

            public NodeBuilder tokenProb(double p) { tokenProbs[index] = p; return this; }

            public NodeBuilder extra(String json) { nodeExtras[index] = json; return this; }
        }
    }
}
