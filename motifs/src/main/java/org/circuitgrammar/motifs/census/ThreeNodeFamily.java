package org.circuitgrammar.motifs.census;

import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * A motif family that is a projection of the full 3-node count ({@link ThreeNodeCensus}): {@code triad},
 * {@code signed} and {@code position}. Several of them can share one census pass by projecting the same
 * {@link ThreeNodeCounts}.
 */
public abstract class ThreeNodeFamily implements MotifCounter {
    /** One 3-node census of {@code g}, projected. */
    @Override
    public final long[] count(SignedDigraph g) {
        return project(ThreeNodeCensus.count(g));
    }

    /** This family's counts out of a full 3-node count; {@code labels().size()} entries. */
    public abstract long[] project(ThreeNodeCounts counts);
}
