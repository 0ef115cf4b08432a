package org.circuitgrammar.cli.census;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.circuitgrammar.motifs.census.Dag4Counter;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.census.PositionSplitCensus;
import org.circuitgrammar.motifs.census.SignedMotifCensus;
import org.circuitgrammar.motifs.census.TriadCensus;

/** The motif families {@code --motifs} can name, as counters. */
public final class MotifFamilies {
    /** Every family, in the order {@code --help} lists them. */
    public static final List<String> NAMES = List.of(TriadCensus.FAMILY, SignedMotifCensus.FAMILY, "dag4",
            PositionSplitCensus.FAMILY);

    private MotifFamilies() {
    }

    /** Counters for a comma-separated list such as {@code triad,signed}; duplicates dropped, order kept. */
    public static List<MotifCounter> parse(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no motif family named in '" + commaSeparated + "'");
        }
        List<MotifCounter> counters = new ArrayList<>();
        for (String name : names) {
            counters.add(switch (name) {
                case TriadCensus.FAMILY -> new TriadCensus();
                case SignedMotifCensus.FAMILY -> new SignedMotifCensus();
                case "dag4" -> new Dag4Counter();
                case PositionSplitCensus.FAMILY -> new PositionSplitCensus();
                default -> throw new IllegalArgumentException("unknown motif family '" + name + "'; expected one of "
                        + String.join(", ", NAMES));
            });
        }
        return List.copyOf(counters);
    }
}
