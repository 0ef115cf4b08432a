package org.circuitgrammar.cli.census;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code cgram census} loads graphs and configures nulls: correct by default, or as circuit-motifs does. */
public enum CensusProfile {
    /** The analysed view ({@code AnalysedGraph}) and the documented null defaults. */
    DEFAULT("default"),
    /** circuit-motifs' loading and null choices, see {@code docs/compat-circuit-motifs.md}. */
    CIRCUIT_MOTIFS("circuit-motifs");

    private final String cliName;

    CensusProfile(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The profile named {@code name} (case-insensitive). */
    public static CensusProfile parse(String name) {
        for (CensusProfile p : values()) {
            if (p.cliName.equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; expected one of "
                + Arrays.stream(values()).map(CensusProfile::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
