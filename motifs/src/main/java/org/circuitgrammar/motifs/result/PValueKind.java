package org.circuitgrammar.motifs.result;

/** Whether the empirical p-values of a null are exact or rest on the chain having mixed. */
public enum PValueKind {
    /**
     * Independent draws from the null (er, lp-er): under the null hypothesis the observed graph is exchangeable with
     * them, so the +1 empirical p-value is exact (valid at every n).
     */
    EXACT,
    /**
     * Samples of Markov chains started at the observed graph: the p-value is valid as the chains mix (not
     * Besag–Clifford exact); the result's mixing diagnostics say how well they did.
     */
    APPROXIMATE_MCMC,
    /** No samples. */
    NONE
}
