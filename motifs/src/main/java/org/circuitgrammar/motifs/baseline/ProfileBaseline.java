package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * The mean significance profile of one family against one null over a group's graphs: per class, the mean of its
 * SP entries over the graphs where the class has one (independent rows only, as the census defines SP).
 *
 * @param labels the classes, in the family's order
 * @param mean   the mean SP entry of each class
 * @param graphs how many graphs have an entry for each class
 */
public record ProfileBaseline(NullKind nullModel, MotifFamily family, List<String> labels, List<Double> mean,
                              List<Integer> graphs) {
    public ProfileBaseline {
        Objects.requireNonNull(nullModel, "nullModel");
        Objects.requireNonNull(family, "family");
        labels = List.copyOf(labels);
        mean = List.copyOf(mean);
        graphs = List.copyOf(graphs);
        if (labels.size() != mean.size() || labels.size() != graphs.size()) {
            throw new IllegalArgumentException(nullModel + "/" + family + ": labels, means and counts differ in size");
        }
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
