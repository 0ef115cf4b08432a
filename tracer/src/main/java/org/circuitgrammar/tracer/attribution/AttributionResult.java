package org.circuitgrammar.tracer.attribution;

/**
 * An unpruned attribution graph (spec §1.5, §1.9): the dense adjacency {@code A[target, source]} over
 * {@code N = n_feat + L·P + P + n_logits} nodes laid out as [selected features (ascending active-feature index) |
 * error nodes (layer-major, then position) | token nodes | logit nodes (target order)]. Rows of error and token nodes
 * and logit columns are zero.
 *
 * <p>Holds its arrays without copying (it is made by {@link Attributor} only); accessors read single values.
 */
public final class AttributionResult {
    private final PromptReplacement prompt;
    private final int[] selected;
    private final float[] adjacency;
    private final int nodes;

    AttributionResult(PromptReplacement prompt, int[] selected, float[] adjacency) {
        this.prompt = prompt;
        this.selected = selected;
        this.adjacency = adjacency;
        this.nodes = selected.length + prompt.layers * prompt.positions + prompt.positions + prompt.targets.count();
        if (adjacency.length != (long) nodes * nodes) throw new IllegalArgumentException("adjacency is not N x N");
    }

    public PromptReplacement prompt() { return prompt; }

    /** {@code N}. */
    public int nodeCount() { return nodes; }

    /** Number of feature nodes {@code n_feat}. */
    public int featureCount() { return selected.length; }

    /** The active-feature index of feature node {@code i}. */
    public int selectedFeature(int i) { return selected[i]; }

    /** A copy of the selected active-feature indices, ascending. */
    public int[] selectedFeatures() { return selected.clone(); }

    public int errorNode(int layer, int position) { return selected.length + layer * prompt.positions + position; }

    public int tokenNode(int position) { return selected.length + prompt.layers * prompt.positions + position; }

    public int logitNode(int k) { return tokenNode(0) + prompt.positions + k; }

    /** {@code A[target, source]}. */
    public float edge(int target, int source) { return adjacency[target * nodes + source]; }

    /** The row-major adjacency, not copied: callers must not modify it. */
    float[] adjacencyArray() { return adjacency; }

    /** A copy of the row-major adjacency. */
    public float[] adjacency() { return adjacency.clone(); }

    /** The influence weights {@code w}: logit probabilities at the logit nodes, zero elsewhere. */
    public double[] logitWeights() {
        double[] w = new double[nodes];
        for (int k = 0; k < prompt.targets.count(); k++) w[logitNode(k)] = prompt.targets.probability(k);
        return w;
    }
}
