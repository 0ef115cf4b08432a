package org.circuitgrammar.reports.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.NearDuplicates;

/**
 * The graphs a comparison or report works on: the census results after near-duplicate merging, each with a short
 * unique name and its group. Near-duplicates are found by {@link NearDuplicates} (node-set Jaccard ≥ the threshold)
 * and counted once, unless kept on request. {@code O(g² · n)} for the merging.
 *
 * @param results the results kept, in input order
 * @param names   a short unique name per kept result (aligned)
 * @param groups  the group per kept result (aligned)
 * @param merged  kept name → names of the results merged into it
 * @param groupBy how the groups were made
 */
public record Cohort(List<CensusResult> results, List<String> names, List<String> groups,
                     Map<String, List<String>> merged, GroupBy groupBy) {
    public Cohort {
        results = List.copyOf(results);
        names = List.copyOf(names);
        groups = List.copyOf(groups);
        merged = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(merged));
    }

    /**
     * Builds the cohort.
     *
     * @param results        every result read, in input order
     * @param groupBy        the grouping
     * @param keepDuplicates true to keep near-duplicates as separate graphs
     * @param jaccard        the node-set Jaccard threshold of a near-duplicate, in (0, 1]
     */
    public static Cohort of(List<CensusResult> results, GroupBy groupBy, boolean keepDuplicates, double jaccard) {
        Map<CensusResult, String> nameOf = uniqueNames(results);
        List<CensusResult> kept = results;
        Map<String, List<String>> merged = new LinkedHashMap<>();
        if (!keepDuplicates) {
            NearDuplicates dups = NearDuplicates.of(results, jaccard);
            kept = dups.kept();
            dups.merged().forEach((rep, twins) -> merged.put(nameOf.get(rep),
                    twins.stream().map(nameOf::get).toList()));
        }
        List<String> names = kept.stream().map(nameOf::get).toList();
        List<String> groups = kept.stream().map(r -> groupBy.groupOf(r.graph())).toList();
        return new Cohort(kept, names, groups, merged, groupBy);
    }

    /** The sorted group names, {@link GroupBy#UNGROUPED} last. */
    public List<String> groupNames() {
        TreeSet<String> sorted = new TreeSet<>(groups);
        boolean none = sorted.remove(GroupBy.UNGROUPED);
        List<String> out = new ArrayList<>(sorted);
        if (none) {
            out.add(GroupBy.UNGROUPED);
        }
        return out;
    }

    /** The number of graphs kept. */
    public int size() {
        return results.size();
    }

    /**
     * File name without {@code .json}; when two results share it, each gets {@code @} and the first 8 hex digits of
     * its SHA-256 (and its index if that clashes too: the same file given twice).
     */
    private static Map<CensusResult, String> uniqueNames(List<CensusResult> results) {
        Map<String, Integer> uses = new HashMap<>();
        for (CensusResult r : results) {
            uses.merge(baseName(r), 1, Integer::sum);
        }
        Map<CensusResult, String> out = new java.util.IdentityHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            CensusResult r = results.get(i);
            String name = baseName(r);
            if (uses.get(name) > 1) {
                name = name + "@" + r.graph().sha256().substring(0, Math.min(8, r.graph().sha256().length()));
            }
            if (!taken.add(name)) {
                name = name + "#" + i;
                taken.add(name);
            }
            out.put(r, name);
        }
        return out;
    }

    private static String baseName(CensusResult r) {
        String f = r.graph().fileName();
        return f.endsWith(".json") ? f.substring(0, f.length() - ".json".length()) : f;
    }
}
