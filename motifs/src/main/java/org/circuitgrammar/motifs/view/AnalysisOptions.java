package org.circuitgrammar.motifs.view;

/**
 * Which part of an attribution graph the motif analyses see.
 *
 * @param keepErrors      keep error (reconstruction-error) nodes; default false, as in circuit-motifs
 * @param keepEmbeddings  keep token-embedding nodes; default true
 * @param keepLogits      keep logit nodes; default true
 * @param weightThreshold keep an edge iff {@code |w| >= weightThreshold}; default 0 keeps every edge
 * @param maxLayerGap     keep an edge iff {@code layer(target) - layer(source) <= maxLayerGap}; 0 means no limit
 */
public record AnalysisOptions(boolean keepErrors, boolean keepEmbeddings, boolean keepLogits,
                              double weightThreshold, int maxLayerGap) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(false, true, true, 0.0, 0);

    public AnalysisOptions {
        if (!(weightThreshold >= 0) || Double.isInfinite(weightThreshold)) {
            throw new IllegalArgumentException("weight threshold must be finite and >= 0: " + weightThreshold);
        }
        if (maxLayerGap < 0) {
            throw new IllegalArgumentException("max layer gap must be >= 0 (0 = no limit): " + maxLayerGap);
        }
    }
}
