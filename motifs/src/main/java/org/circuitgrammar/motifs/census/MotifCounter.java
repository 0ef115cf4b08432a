package org.circuitgrammar.motifs.census;

import java.util.List;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * One family of motif counts (triads, signed FFLs, 4-node DAG motifs, position split) over a {@link SignedDigraph}.
 * Null-model ensembles call {@link #count} once per sample, possibly from several threads at once, so
 * implementations keep no mutable state between calls.
 */
public interface MotifCounter {
    /** The family name used on the command line ({@code --motifs triad,signed,dag4,position}). */
    String family();

    /** Labels of the counted classes, in the order of {@link #count}'s result; stable across versions. */
    List<String> labels();

    /** Counts on {@code g}; the result has {@code labels().size()} entries. */
    long[] count(SignedDigraph g);
}
