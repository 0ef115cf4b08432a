package org.circuitgrammar.motifs.result;

/**
 * What a motif row is as a hypothesis against one null. Only {@link #INDEPENDENT} rows are tested: they enter the
 * significance profile and the Benjamini–Hochberg family.
 */
public enum RowRole {
    /** An independent statistic: its own SP entry and q. */
    INDEPENDENT,
    /**
     * An exact affine function of an earlier independent row over the observed graph and every null sample (e.g.
     * 021D = c − 030T under every DAG- and degree-preserving null): the same |Z| and p as that row, no SP entry,
     * no q of its own.
     */
    DETERMINED,
    /** The null holds this class constant: no test (e.g. every cyclic triad under a DAG-preserving null). */
    CONSTANT,
    /** No null samples (counts only, or a graph too small for the null). */
    UNTESTED
}
