package org.circuitgrammar.motifs.instance;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.FflSignType;

/**
 * The outcome of {@link MotifInstanceFinder#find}.
 *
 * @param motif   the motif searched for
 * @param fflType the FFL sign type filter, or null
 * @param total   number of matching instances in the graph (not only the listed ones)
 * @param top     the strongest instances, best first
 */
public record InstanceResult(DagMotif motif, FflSignType fflType, long total, List<MotifInstance> top) {
    public InstanceResult {
        Objects.requireNonNull(motif);
        top = List.copyOf(top);
    }
}
