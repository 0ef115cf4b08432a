package org.circuitgrammar.reports.recurring;

import java.util.Comparator;

/**
 * A transcoder feature by identity, whatever token position it fires at: its layer and its index in that layer's
 * dictionary (decoded from the file's feature encoding by the reader).
 *
 * @param layer the layer
 * @param index the feature index within the layer
 */
public record FeatureRef(int layer, long index) implements Comparable<FeatureRef> {
    private static final Comparator<FeatureRef> ORDER = Comparator.comparingInt(FeatureRef::layer)
            .thenComparingLong(FeatureRef::index);

    /** {@code L12/3456}. */
    @Override
    public String toString() {
        return "L" + layer + "/" + index;
    }

    @Override
    public int compareTo(FeatureRef o) {
        return ORDER.compare(this, o);
    }
}
