package org.circuitgrammar.motifs.nulls;

/**
 * Which rules a null's sampler follows: this project's ({@link #CAUSAL}) or circuit-motifs' ({@link #ANCHOR}).
 */
public enum NullRules {
    /**
     * The layer-keeping nulls never create an edge that goes back in token position: every edge keeps its direction
     * class (forward or same position, or backward, the latter only in graphs that already have such edges, e.g.
     * chess squares), so a causal graph stays causal. Swap chains add the moves their state space needs to be
     * connected (three-edge rotations where a block's sources and targets overlap; sign exchanges around
     * alternating squares in lpc-sign). See docs/nulls.md for the state space of each null.
     */
    CAUSAL,
    /**
     * circuit-motifs' rules, kept to reproduce the anchor: token positions ignored (apart from lpc-position's
     * same/cross split), plain two-edge swaps only.
     */
    ANCHOR
}
