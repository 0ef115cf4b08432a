package org.circuitgrammar.motifs.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Near-duplicate graphs among census results: two graphs whose node sets ({@link GraphInfo#nodeIds()}) have Jaccard
 * similarity at least the threshold are regenerations of one prompt, and every connected set of such pairs counts
 * once. The representative of a set is its first result in the given order; comparisons and baselines keep it and
 * report the others as merged into it. {@code O(g² · n)} for g graphs of n nodes (a set lookup per node).
 *
 * @param kept   the representatives, in input order
 * @param merged for each representative with twins, the results merged into it (input order)
 */
public record NearDuplicates(List<CensusResult> kept, Map<CensusResult, List<CensusResult>> merged) {
    /** The default Jaccard threshold. */
    public static final double DEFAULT_THRESHOLD = 0.9;

    public NearDuplicates {
        kept = List.copyOf(kept);
        merged = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(merged));
    }

    /** Groups {@code results} by node-set Jaccard ≥ {@code threshold} (single linkage). */
    public static NearDuplicates of(List<CensusResult> results, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Jaccard threshold must be in (0, 1]: " + threshold);
        }
        int g = results.size();
        List<Set<String>> sets = new ArrayList<>(g);
        for (CensusResult r : results) {
            sets.add(new HashSet<>(r.graph().nodeIds()));
        }
        int[] parent = new int[g];
        for (int i = 0; i < g; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < g; i++) {
            for (int j = i + 1; j < g; j++) {
                if (jaccard(sets.get(i), sets.get(j)) >= threshold) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        List<CensusResult> kept = new ArrayList<>();
        Map<CensusResult, List<CensusResult>> merged = new LinkedHashMap<>();
        for (int i = 0; i < g; i++) {
            int r = root(parent, i);
            if (r == i) {
                kept.add(results.get(i));
            } else {
                merged.computeIfAbsent(results.get(r), k -> new ArrayList<>()).add(results.get(i));
            }
        }
        return new NearDuplicates(kept, merged);
    }

    /** |a ∩ b| / |a ∪ b|; 1 for two empty sets. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
