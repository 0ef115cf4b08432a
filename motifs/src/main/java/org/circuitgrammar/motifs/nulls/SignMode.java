package org.circuitgrammar.motifs.nulls;

/** How the signed weights of the observed edges are laid onto a null graph's edges. */
public enum SignMode {
    /** Each edge slot keeps its weight when its target is swapped away (the source keeps its out-weights). */
    CARRIED,
    /** Swaps only between edges of one sign, so every node keeps its excitatory and inhibitory degrees per block. */
    PRESERVED,
    /** The observed weights are permuted at random over the edges of each block: exact E/I count per block. */
    SHUFFLED,
    /**
     * Each edge independently +1 with probability p = (excitatory edges)/m, else −1: the E/I ratio kept only on
     * average (circuit-motifs' signed nulls).
     */
    BERNOULLI
}
