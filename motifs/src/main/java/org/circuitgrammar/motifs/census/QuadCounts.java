package org.circuitgrammar.motifs.census;

import java.util.Arrays;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.IsoclassTable;

/**
 * Counts of induced weakly connected 4-node subgraphs by isoclass ({@link IsoclassTable#SIZE4} ids). Immutable.
 */
public final class QuadCounts {
    private final long[] counts;

    /** @param counts one entry per {@link IsoclassTable#SIZE4} class (copied) */
    public QuadCounts(long[] counts) {
        if (counts.length != IsoclassTable.SIZE4.classCount()) {
            throw new IllegalArgumentException("expected " + IsoclassTable.SIZE4.classCount() + " counts, got "
                    + counts.length);
        }
        this.counts = counts.clone();
    }

    /** Count of our class {@code classId}. */
    public long count(int classId) { return counts[classId]; }

    /** Count of igraph's isoclass {@code igraphId} (0 for disconnected classes, where igraph says NaN). */
    public long countByIgraphId(int igraphId) { return counts[IsoclassTable.SIZE4.fromIgraphId(igraphId)]; }

    /** Count of a 4-node DAG motif. */
    public long count(DagMotif motif) {
        if (motif.size() != 4) {
            throw new IllegalArgumentException(motif + " is not a 4-node motif");
        }
        return counts[motif.isoclass()];
    }

    /** Total number of connected 4-node sets. */
    public long total() { return Arrays.stream(counts).sum(); }

    /** Counts by class id, a fresh copy. */
    public long[] toArray() { return counts.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuadCounts q && Arrays.equals(counts, q.counts);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(counts); }

    @Override
    public String toString() { return "QuadCounts[total=" + total() + "]"; }
}
