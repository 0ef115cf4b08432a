package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.circuitgrammar.motifs.result.CensusResult;

/**
 * Splits census results into the groups a baseline is kept for. A graph's group is the values of the grouping keys
 * ({@link org.circuitgrammar.motifs.result.GraphInfo#attribute}) joined by {@code /}, a missing value written
 * {@value #MISSING}; with no keys every graph is in {@value BaselineSpec#ALL_GROUP}. Groups are sorted by name; results keep their input order inside a group.
 */
final class GraphGroups {
    /** The value of a grouping key the graph does not have. */
    static final String MISSING = "(none)";

    private GraphGroups() {
    }

    /** The groups of {@code results} by {@code keys}, name → results in input order. {@code O(g log g)}. */
    static Map<String, List<CensusResult>> of(List<CensusResult> results, List<String> keys) {
        Map<String, List<CensusResult>> groups = new TreeMap<>();
        for (CensusResult r : results) {
            groups.computeIfAbsent(groupOf(r, keys), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** The group name of one result. */
    static String groupOf(CensusResult r, List<String> keys) {
        if (keys.isEmpty()) {
            return BaselineSpec.ALL_GROUP;
        }
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            values.add(r.graph().attribute(key).orElse(MISSING));
        }
        return String.join("/", values);
    }
}
