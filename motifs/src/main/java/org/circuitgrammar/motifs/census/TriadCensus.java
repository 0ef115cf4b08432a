package org.circuitgrammar.motifs.census;

import java.util.List;
import java.util.stream.Stream;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The exact 16-class induced triad census (family {@code triad}), in {@link TriadClass} order (003 … 300, the
 * networkx order). Correct on any simple digraph; uses the DAG fast path of {@link ThreeNodeCensus} when the graph
 * is acyclic. Unlike igraph's {@code motifs_randesu}, the disconnected classes 003, 012 and 102 carry their true
 * counts (isolated nodes count, as in networkx).
 */
public final class TriadCensus implements MotifCounter {
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
    public long[] count(SignedDigraph g) {
        return ThreeNodeCensus.count(g).triads();
    }
}
