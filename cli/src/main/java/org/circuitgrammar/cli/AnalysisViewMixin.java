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

    /** True iff the threshold is finite and non-negative and the gap non-negative. */
    boolean valid() {
        return threshold >= 0 && !Double.isInfinite(threshold) && maxLayerGap >= 0;
    }

    /** The view these options ask for (embeddings and logits always kept). */
    AnalysisOptions options() {
        return new AnalysisOptions(keepErrors, true, true, threshold, maxLayerGap);
    }
}
