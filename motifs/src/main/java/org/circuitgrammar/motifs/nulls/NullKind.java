package org.circuitgrammar.motifs.nulls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The seven null models, by their command-line names ({@code all} on the command line means every kind). */
public enum NullKind {
    /** Erdős–Rényi G(n, m): m distinct ordered pairs, no self-loops; ignores layers and degrees. */
    ER("er"),
    /** Directed degree-preserving double-edge swaps over the whole graph; leaves the DAG. */
    CONFIG("config"),
    /** Layer-pair Erdős–Rényi: each (source layer, target layer) block keeps its edge count. */
    LP_ER("lp-er"),
    /** Layer-pair configuration: degree-preserving swaps inside each (source layer, target layer) block. */
    LPC("lpc"),
    /** LPC whose signs are reshuffled inside each block (the exact excitatory/inhibitory count of a block kept). */
    LPC_SHUFFLE("lpc-shuffle"),
    /** LPC whose signs travel with the edges (swaps only between edges of one sign). */
    LPC_SIGN("lpc-sign"),
    /** LPC over blocks keyed by (source layer, target layer, same or cross token position). */
    LPC_POSITION("lpc-position");

    /**
     * The command-line name of the default null: layers, causal token positions, every node's degrees per layer pair
     * and per same/cross position. Chosen by measurement over the shared corpus (docs/nulls.md, "The default null").
     */
    public static final String DEFAULT_NAME = "lpc-position";

    /** The word that selects every kind in {@link #parseList}. */
    public static final String ALL = "all";

    private final String cliName;

    NullKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in result files. */
    public String cliName() {
        return cliName;
    }

    /** The kind named {@code name} (case-insensitive). */
    public static NullKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (NullKind k : values()) {
            if (k.cliName.equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown null model '" + name + "'; expected one of "
                + Arrays.stream(values()).map(NullKind::cliName).collect(Collectors.joining(", ")) + " or " + ALL);
    }

    /** Parses a comma-separated list such as {@code lpc,config} or {@code all}; duplicates are dropped, order kept. */
    public static List<NullKind> parseList(String commaSeparated) {
        Set<NullKind> kinds = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            if (part.trim().equalsIgnoreCase(ALL)) {
                kinds.addAll(Arrays.asList(values()));
            } else {
                kinds.add(parse(part));
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no null model named in '" + commaSeparated + "'");
        }
        return List.copyOf(new ArrayList<>(kinds));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
