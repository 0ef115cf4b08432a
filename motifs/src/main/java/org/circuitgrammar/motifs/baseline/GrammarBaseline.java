package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circuitgrammar.corpus.provenance.Provenance;

/**
 * The reference grammar of a set of graphs, per group: what {@code cgram grammar check} compares new graphs with.
 * Read and written by {@link BaselineCodec} (format {@value #FORMAT_VERSION}).
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param groups        the groups, sorted by name
 * @param provenance    tool version, argv, the {@link BaselineSpec} (with the census settings), the bootstrap seed,
 *                      every input graph's path and SHA-256, and the census results' provenance as parents (one
 *                      per distinct census run setting)
 */
public record GrammarBaseline(int formatVersion, List<GroupBaseline> groups, Provenance provenance) {
    /** Bumped whenever the layout changes. */
    public static final int FORMAT_VERSION = 1;

    public GrammarBaseline {
        groups = List.copyOf(groups);
        Objects.requireNonNull(provenance, "provenance");
        if (!(provenance.config() instanceof BaselineSpec)) {
            throw new IllegalArgumentException("a grammar baseline's provenance carries its BaselineSpec");
        }
    }

    /** How the baseline was made. */
    public BaselineSpec spec() {
        return (BaselineSpec) provenance.config();
    }

    /** The group named {@code name}, if present. */
    public Optional<GroupBaseline> group(String name) {
        return groups.stream().filter(g -> g.group().equals(name)).findFirst();
    }
}
