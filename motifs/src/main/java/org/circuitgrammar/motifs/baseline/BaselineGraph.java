package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.corpus.provenance.InputRef;

/**
 * One graph a group's statistics count, and the near-duplicates (regenerations of the same prompt) merged into it.
 *
 * @param input  the graph file as the census read it (path and SHA-256)
 * @param merged graphs counted as this one (node-set Jaccard at or above the threshold), in input order
 */
public record BaselineGraph(InputRef input, List<InputRef> merged) {
    public BaselineGraph {
        Objects.requireNonNull(input, "input");
        merged = List.copyOf(merged);
    }
}
