package org.circuitgrammar.motifs.view;

/**
 * Which part of an attribution graph the motif analyses see.
 *
 * @param keepErrors      keep error (reconstruction-error) nodes; default false, as in circuit-motifs
 * @param keepEmbeddings  keep token-embedding nodes; default true
 * @param keepLogits      keep logit nodes; default true
 * @param weightThreshold keep an edge iff {@code |w| >= weightThreshold}; default 0 keeps every edge
 * @param maxLayerGap     keep an edge iff {@code layer(target) - layer(source) <= maxLayerGap}; 0 means no limit
 * @param topEdges        in (0, 1]: of the edges the rules above keep, keep only the ⌈topEdges·m⌉ of largest |w|
 *                        (ties by file order); 1 keeps them all. A relative cut, comparable across graphs whose
 *                        weights live on different scales, where {@code weightThreshold} is the same absolute number
 *                        for every graph
 */
public record AnalysisOptions(boolean keepErrors, boolean keepEmbeddings, boolean keepLogits,
                              double weightThreshold, int maxLayerGap, double topEdges) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(false, true, true, 0.0, 0, 1.0);

    public AnalysisOptions {
        if (!(weightThreshold >= 0) || Double.isInfinite(weightThreshold)) {
            throw new IllegalArgumentException("weight threshold must be finite and >= 0: " + weightThreshold);
        }
        if (maxLayerGap < 0) {
            throw new IllegalArgumentException("max layer gap must be >= 0 (0 = no limit): " + maxLayerGap);
        }
        if (!(topEdges > 0 && topEdges <= 1)) {
            throw new IllegalArgumentException("top-edges fraction must be in (0, 1]: " + topEdges);
        }
    }
}
