package org.circuitgrammar.motifs.nulls;

import org.circuitgrammar.motifs.graph.SignedDigraph;

/** One stream of null graphs. Not thread-safe: one sampler per thread or chain. */
public interface NullSampler {
    /**
     * Moves on by {@code sweeps} sweeps, a sweep being one swap trial per edge (in each block: round(sweeps·k) trials
     * for a block of k ≥ 2 edges). Direct samplers ignore the number and draw a fresh independent graph.
     */
    void advance(double sweeps);

    /** The current graph (the observed graph before the first {@link #advance} of a chain). */
    SignedDigraph current();

    /** Swap trials made so far (for direct samplers 0). */
    long trials();

    /** Swap trials accepted so far. */
    long accepted();
}
