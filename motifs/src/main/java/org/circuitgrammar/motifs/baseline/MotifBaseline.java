package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;

/**
 * The reference effect size of one motif in one group: log2(observed / null mean) per graph, their median, the
 * bootstrap interval of that median over graphs, and the direction the interval establishes.
 *
 * @param motif     the statistic
 * @param effects   one effect size per graph where the row was an independent, defined statistic, in the order of
 *                  the group's graphs ({@link GroupBaseline#graphs()}); {@code NaN}-free
 * @param graphIds  for each effect, the index of its graph in {@link GroupBaseline#graphs()}
 * @param median    median of {@code effects}
 * @param low       lower end of the {@value MedianBootstrap#COVERAGE}-bootstrap interval of the median
 * @param high      upper end
 * @param direction {@link Direction#of} the interval
 */
public record MotifBaseline(MotifKey motif, List<Double> effects, List<Integer> graphIds, double median, double low,
                            double high, Direction direction) {
    public MotifBaseline {
        Objects.requireNonNull(motif, "motif");
        effects = List.copyOf(effects);
        graphIds = List.copyOf(graphIds);
        if (effects.isEmpty() || effects.size() != graphIds.size()) {
            throw new IllegalArgumentException(motif + ": need one graph index per effect, and at least one effect");
        }
        if (!(low <= median && median <= high)) {
            throw new IllegalArgumentException(motif + ": interval [" + low + ", " + high + "] must hold the median "
                    + median);
        }
        Objects.requireNonNull(direction, "direction");
    }

    /** The effects as an array. */
    public double[] effectArray() {
        return effects.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
