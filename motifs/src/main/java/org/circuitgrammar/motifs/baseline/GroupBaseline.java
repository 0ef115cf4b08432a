package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference grammar of one group of graphs.
 *
 * @param group    the group's name (the values of the grouping keys joined by {@code /})
 * @param graphs   the graphs counted, near-duplicates merged, in input order
 * @param motifs   one entry per tested motif (independent rows only), by null, family and class order
 * @param profiles one mean significance profile per null and family that has one
 */
public record GroupBaseline(String group, List<BaselineGraph> graphs, List<MotifBaseline> motifs,
                            List<ProfileBaseline> profiles) {
    public GroupBaseline {
        Objects.requireNonNull(group, "group");
        graphs = List.copyOf(graphs);
        motifs = List.copyOf(motifs);
        profiles = List.copyOf(profiles);
    }

    /** The entry of {@code key}, if the group has one. */
    public Optional<MotifBaseline> motif(MotifKey key) {
        return motifs.stream().filter(m -> m.motif().equals(key)).findFirst();
    }
}
