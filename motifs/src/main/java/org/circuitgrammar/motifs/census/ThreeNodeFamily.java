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
        return project(ThreeNodeCensus.count(g, readsPositions()));
    }

    /** True iff the projection reads the same-/cross-position split (counts must have it). */
    public boolean readsPositions() {
        return false;
    }

    /** This family's counts out of a 3-node count (with positions split if {@link #readsPositions()}). */
    public abstract long[] project(ThreeNodeCounts counts);
}
