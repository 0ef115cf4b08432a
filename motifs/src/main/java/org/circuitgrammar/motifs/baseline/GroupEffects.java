package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * The per-graph numbers a baseline and a check aggregate, read from a group's census results: for every
 * {@link RowRole#INDEPENDENT} row with a defined effect size its log2(observed / null mean), and for every row with a
 * defined significance-profile entry that entry. Determined, constant and untested rows are not hypotheses and are
 * left out. Keys appear in the order the results list them (null, family, class). {@code O(rows)}.
 */
final class GroupEffects {
    /** Effect sizes of one motif and the indices (into the group's result list) of the graphs they come from. */
    record Measured(List<Double> effects, List<Integer> graphIds) {
        double[] array() {
            return effects.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** SP entries of one family against one null: class (first-seen order) → graph index → entry. */
    private record ProfileEntries(Map<String, Map<Integer, Double>> byLabel) {
    }

    private final Map<MotifKey, Measured> motifs = new LinkedHashMap<>();
    private final Map<NullKind, Map<MotifFamily, ProfileEntries>> profiles = new LinkedHashMap<>();
    private int graphs;

    private GroupEffects() {
    }

    /** Reads {@code results} (one group, near-duplicates already merged). */
    static GroupEffects of(List<CensusResult> results) {
        GroupEffects out = new GroupEffects();
        out.graphs = results.size();
        for (int g = 0; g < results.size(); g++) {
            for (NullResult nul : results.get(g).nulls()) {
                for (NullResult.FamilyRows family : nul.families()) {
                    for (MotifRow row : family.rows()) {
                        out.add(g, nul.nullModel(), family.family(), row);
                    }
                }
            }
        }
        return out;
    }

    private void add(int graph, NullKind nul, MotifFamily family, MotifRow row) {
        if (row.role() != RowRole.INDEPENDENT) {
            return;
        }
        if (row.log2Ratio() instanceof Statistic.Defined d && Double.isFinite(d.value())) {
            Measured m = motifs.computeIfAbsent(new MotifKey(nul, family, row.label()),
                    k -> new Measured(new ArrayList<>(), new ArrayList<>()));
            m.effects().add(d.value());
            m.graphIds().add(graph);
        }
        if (row.sp() instanceof Statistic.Defined d && Double.isFinite(d.value())) {
            profiles.computeIfAbsent(nul, k -> new LinkedHashMap<>())
                    .computeIfAbsent(family, k -> new ProfileEntries(new LinkedHashMap<>()))
                    .byLabel().computeIfAbsent(row.label(), k -> new LinkedHashMap<>()).put(graph, d.value());
        }
    }

    /** Every measured motif, in first-seen order. */
    Map<MotifKey, Measured> motifs() {
        return motifs;
    }

    /** The mean significance profile of every (null, family) that has at least one entry, with the per-graph ones. */
    List<ProfileBaseline> profiles() {
        List<ProfileBaseline> out = new ArrayList<>();
        profiles.forEach((nul, byFamily) -> byFamily.forEach((family, entries) -> {
            List<String> labels = new ArrayList<>(entries.byLabel().keySet());
            List<List<Double>> perGraph = new ArrayList<>();
            for (int g = 0; g < graphs; g++) {
                List<Double> row = new ArrayList<>();
                for (String label : labels) {
                    row.add(entries.byLabel().get(label).getOrDefault(g, Double.NaN));
                }
                perGraph.add(row);
            }
            out.add(ProfileBaseline.of(nul, family, labels, perGraph));
        }));
        return out;
    }
}
