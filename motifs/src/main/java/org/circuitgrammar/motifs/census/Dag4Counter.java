package org.circuitgrammar.motifs.census;

import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The {@code dag4} motif family: counts of the 24 connected 4-node DAG motifs D01–D24 ({@link DagMotif}), plus a
 * last entry {@code cyclic} with every other connected 4-node set (those holding a mutual pair or a directed cycle,
 * which only null models that leave the DAG create). The entries sum to the number of connected 4-node sets.
 * Single-threaded per call, stateless, so ensembles may call it from several threads.
 */
public final class Dag4Counter implements MotifCounter {
    /** Label of the entry for connected sets that are not DAGs. */
    public static final String CYCLIC = "cyclic";

    private static final List<DagMotif> MOTIFS = DagMotif.ofSize(4);

    @Override
    public String family() { return "dag4"; }

    @Override
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (DagMotif m : MOTIFS) {
            out.add(m.id());
        }
        out.add(CYCLIC);
        return List.copyOf(out);
    }

    @Override
    public long[] count(SignedDigraph g) {
        QuadCounts q = QuadCensus.count(g);
        long[] out = new long[MOTIFS.size() + 1];
        long dag = 0;
        for (int i = 0; i < MOTIFS.size(); i++) {
            out[i] = q.count(MOTIFS.get(i));
            dag += out[i];
        }
        out[MOTIFS.size()] = q.total() - dag;
        return out;
    }
}
