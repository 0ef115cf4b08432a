package org.circuitgrammar.cli;

import org.circuitgrammar.motifs.view.AnalysisOptions;
import picocli.CommandLine.Option;

/** The analysed-view options of every command that counts motifs: which nodes and edges the counts see. */
public final class AnalysisViewMixin {
    @Option(names = "--keep-errors", description = "keep error nodes (default: dropped)")
    boolean keepErrors;

    @Option(names = "--threshold", paramLabel = "W", defaultValue = "0",
            description = "keep edges with |weight| >= W (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--max-layer-gap", paramLabel = "G", defaultValue = "0",
            description = "keep edges spanning at most G layers, 0 = no limit (default: ${DEFAULT-VALUE}); in the "
                    + "census's circuit-motifs profile the signed window's upper end (0 = its 5)")
    int maxLayerGap;

    @Option(names = "--top-edges", paramLabel = "F", defaultValue = "1",
            description = "keep the fraction F in (0, 1] of each graph's edges with the largest |weight| (after "
                    + "--threshold), a cut comparable across graphs whose weights differ in scale; --threshold is an "
                    + "absolute |weight| (default: ${DEFAULT-VALUE}, every edge)")
    double topEdges;

    /**
     * The view these options ask for (embeddings and logits always kept); {@link IllegalArgumentException} with a
     * one-line reason for a bad threshold, gap or fraction.
     */
    AnalysisOptions options() {
        return new AnalysisOptions(keepErrors, true, true, threshold, maxLayerGap, topEdges);
    }
}
