package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * The mean significance profile of one family against one null over a group's graphs: per class, the mean of its
 * SP entries over the graphs where the class has one (independent rows only, as the census defines SP), and the
 * per-graph profiles it is the mean of (so that a check can tell how far the mean of k graphs strays by chance).
 *
 * @param labels   the classes, in the family's order
 * @param mean     the mean SP entry of each class (NaN if no graph has one)
 * @param graphs   how many graphs have an entry for each class
 * @param perGraph one profile per graph of the group (its order), aligned with {@code labels}, NaN where the graph
 *                 has no entry
 */
public record ProfileBaseline(NullKind nullModel, MotifFamily family, List<String> labels, List<Double> mean,
                              List<Integer> graphs, List<List<Double>> perGraph) {
    public ProfileBaseline {
        Objects.requireNonNull(nullModel, "nullModel");
        Objects.requireNonNull(family, "family");
        labels = List.copyOf(labels);
        mean = List.copyOf(mean);
        graphs = List.copyOf(graphs);
        perGraph = perGraph.stream().map(List::copyOf).toList();
        int classes = labels.size();
        if (classes != mean.size() || classes != graphs.size()
                || perGraph.stream().anyMatch(p -> p.size() != classes)) {
            throw new IllegalArgumentException(nullModel + "/" + family + ": labels, means, counts and per-graph "
                    + "profiles differ in size");
        }
    }

    /** The profile whose per-graph entries are {@code perGraph}: means over the non-NaN entries. {@code O(g·c)}. */
    public static ProfileBaseline of(NullKind nul, MotifFamily family, List<String> labels,
                                     List<List<Double>> perGraph) {
        List<Double> mean = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            double sum = 0;
            int n = 0;
            for (List<Double> graph : perGraph) {
                double x = graph.get(c);
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
            mean.add(n == 0 ? Double.NaN : sum / n);
            counts.add(n);
        }
        return new ProfileBaseline(nul, family, labels, mean, counts, perGraph);
    }

    /** The mean SP entry of {@code label}, or NaN if the profile has none. */
    public double entry(String label) {
        int i = labels.indexOf(label);
        return i < 0 ? Double.NaN : mean.get(i);
    }

    /** {@code null/family}, as rules name a profile. */
    public String name() {
        return nullModel.cliName() + "/" + family.id();
    }
}
