package org.circuitgrammar.motifs.census;

import java.util.List;
import java.util.stream.Stream;

/**
 * The exact 16-class induced triad census (family {@code triad}), in {@link TriadClass} order (003 … 300, the
 * networkx order). Correct on any simple digraph; uses the DAG fast path of {@link ThreeNodeCensus} when the graph
 * is acyclic. Unlike igraph's {@code motifs_randesu}, the disconnected classes 003, 012 and 102 carry their true
 * counts (isolated nodes count, as in networkx).
 */
public final class TriadCensus extends ThreeNodeFamily {
    /** The family name on the command line. */
    public static final String FAMILY = "triad";
    private static final List<String> LABELS = Stream.of(TriadClass.values()).map(TriadClass::man).toList();

    @Override
    public String family() {
        return FAMILY;
    }

    /** The MAN names, {@code 003} … {@code 300}. */
    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public long[] project(ThreeNodeCounts counts) {
        return counts.triads();
    }

    /** Re-indexes a census in {@link TriadClass} order by igraph isoclass id (igraph's {@code motifs_randesu} order). */
    public static long[] byIgraphId(long[] counts) {
        if (counts.length != 16) {
            throw new IllegalArgumentException("a triad census has 16 entries, not " + counts.length);
        }
        long[] r = new long[16];
        for (TriadClass c : TriadClass.values()) {
            r[c.igraphId()] = counts[c.ordinal()];
        }
        return r;
    }

    /**
     * The vector circuit-motifs reports for a census in {@link TriadClass} order: by igraph id, with the
     * disconnected classes 003, 012 and 102 (ids 0, 1, 3) set to 0 as igraph's NaN becomes 0 there.
     */
    public static long[] circuitMotifsVector(long[] counts) {
        long[] r = byIgraphId(counts);
        for (TriadClass c : TriadClass.values()) {
            if (!c.connected()) {
                r[c.igraphId()] = 0;
            }
        }
        return r;
    }
}
