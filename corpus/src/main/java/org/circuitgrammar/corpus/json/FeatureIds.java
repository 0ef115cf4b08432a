package org.circuitgrammar.corpus.json;

/**
 * Decodes the {@code feature} field of a feature node into a feature index, whatever producer wrote it.
 *
 * <p>Three encodings occur (see {@link FeatureEncoding}): circuit-tracer's Cantor pairing
 * {@code cantor(layer, idx)}, the Neuronpedia server's {@code layer*100000 + idx}, and Anthropic's global ids
 * (the id itself, repeated as the middle field of {@code node_id}). The middle field of a
 * {@code <layer>_<idx>_<pos>} node id is the index in all three, so the decoder trusts it when the
 * {@code feature} field agrees with it under one of the encodings, and otherwise decodes {@code feature} alone.
 * O(1) per call.
 */
public final class FeatureIds {
    /** Multiplier of the Neuronpedia server's {@code layer*100000 + idx} encoding. */
    public static final long LAYER_OFFSET = 100_000L;

    private FeatureIds() {
    }

    /** Cantor pairing {@code (a+b)(a+b+1)/2 + b}, as circuit-tracer's frontend expects it. */
    public static long cantor(long layer, long index) {
        long s = layer + index;
        return s * (s + 1) / 2 + index;
    }

    /** Inverse of {@link #cantor}: {@code {layer, index}}; exact for every non-negative long it produces. */
    public static long[] uncantor(long z) {
        long w = (long) Math.floor((Math.sqrt(8.0 * z + 1) - 1) / 2);
        // the double square root can be off by one for large z: step to the exact triangle root
        while (w * (w + 1) / 2 > z) {
            w--;
        }
        while ((w + 1) * (w + 2) / 2 <= z) {
            w++;
        }
        long index = z - w * (w + 1) / 2;
        return new long[] {w - index, index};
    }

    /**
     * The feature index of a feature node, or -1 when {@code feature} is absent ({@link Long#MIN_VALUE}) and the
     * node id has no numeric middle field.
     *
     * @param nodeId  the node id, e.g. {@code 21_5943_10}
     * @param layer   the node's layer
     * @param feature the raw {@code feature} field, {@link Long#MIN_VALUE} when absent
     */
    public static long decode(String nodeId, int layer, long feature) {
        long middle = middleField(nodeId);
        if (feature == Long.MIN_VALUE) {
            return middle;
        }
        if (middle >= 0 && (encodes(FeatureEncoding.CANTOR, layer, middle, feature)
                || encodes(FeatureEncoding.LAYER_OFFSET, layer, middle, feature)
                || feature == middle)) {
            return middle;
        }
        if (layer >= 0 && feature >= 0) {
            long[] pair = uncantor(feature);
            if (pair[0] == layer) {
                return pair[1];
            }
            if (feature / LAYER_OFFSET == layer) {
                return feature % LAYER_OFFSET;
            }
        }
        return feature;
    }

    /** Whether {@code feature} is {@code (layer, index)} written in the given encoding. */
    static boolean encodes(FeatureEncoding encoding, int layer, long index, long feature) {
        if (layer < 0 || index < 0) {
            return false;
        }
        return switch (encoding) {
            case CANTOR -> cantor(layer, index) == feature;
            case LAYER_OFFSET -> index < LAYER_OFFSET && layer * LAYER_OFFSET + index == feature;
            case GLOBAL -> index == feature;
            case UNKNOWN -> false;
        };
    }

    /** The numeric middle field of a {@code <a>_<b>_<c>} id, or -1 when there is none. */
    static long middleField(String nodeId) {
        int first = nodeId.indexOf('_');
        int last = nodeId.lastIndexOf('_');
        if (first < 0 || last <= first + 1) {
            return -1;
        }
        long value = 0;
        for (int i = first + 1; i < last; i++) {
            char c = nodeId.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
