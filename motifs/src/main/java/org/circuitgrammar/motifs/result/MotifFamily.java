package org.circuitgrammar.motifs.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.circuitgrammar.motifs.census.Dag4Counter;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.census.PositionSplitCensus;
import org.circuitgrammar.motifs.census.SignedMotifCensus;
import org.circuitgrammar.motifs.census.TriadCensus;

/**
 * The registry of motif families a census can count. The {@link #id()} is what the command line takes and what
 * result files store; it is persisted, so a rename breaks every stored result.
 */
public enum MotifFamily {
    /** The 16 triad classes (igraph/networkx names). */
    TRIAD(TriadCensus.FAMILY, TriadCensus::new),
    /** Signed FFL types C1–I4 and the sign pairs of chains and fans. */
    SIGNED(SignedMotifCensus.FAMILY, SignedMotifCensus::new),
    /** The 24 connected 4-node DAG classes D01–D24. */
    DAG4("dag4", Dag4Counter::new),
    /** FFLs split by same-/cross-position edges (the classes a causal graph can hold). */
    POSITION(PositionSplitCensus.FAMILY, PositionSplitCensus::new);

    private final String id;
    private final Supplier<MotifCounter> counter;

    MotifFamily(String id, Supplier<MotifCounter> counter) {
        this.id = id;
        this.counter = counter;
    }

    /** The persisted name, e.g. {@code triad}. */
    public String id() {
        return id;
    }

    /** A fresh counter of this family. */
    public MotifCounter counter() {
        return counter.get();
    }

    /** True for the families that are projections of the one 3-node census (triad, signed, position). */
    public boolean threeNode() {
        return this != DAG4;
    }

    /** The family named {@code name} (case-insensitive). */
    public static MotifFamily parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (MotifFamily f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown motif family '" + name + "'; expected one of "
                + Arrays.stream(values()).map(MotifFamily::id).collect(Collectors.joining(", ")));
    }

    /** Parses {@code triad,signed}; duplicates dropped, order kept; at least one. */
    public static List<MotifFamily> parseList(String commaSeparated) {
        Set<MotifFamily> out = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no motif family named in '" + commaSeparated + "'");
        }
        return List.copyOf(new ArrayList<>(out));
    }

    @Override
    public String toString() {
        return id;
    }
}
