package org.circuitgrammar.corpus.json;

import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;

/** How a producer wrote the {@code feature} field of feature nodes. */
public enum FeatureEncoding {
    /** circuit-tracer, Neuronpedia CLT graphs, the OpenMOSS lc0 tracer: {@code cantor(layer, idx)}. */
    CANTOR,
    /** Neuronpedia-server GemmaScope-PLT graphs: {@code layer*100000 + idx}. */
    LAYER_OFFSET,
    /** Anthropic Haiku graphs: a global feature id, also the middle field of {@code node_id}. */
    GLOBAL,
    /** No feature node tells (no features, or only layer-0 features, where the encodings coincide). */
    UNKNOWN;

    /**
     * The encoding that explains the most feature nodes at layers above 0 (at layer 0 the three agree up to
     * Cantor's small offsets, so those nodes do not vote). Ties go to the earlier constant. O(V).
     */
    public static FeatureEncoding detect(AttributionGraph g) {
        int[] votes = new int[3];
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.kind(v) != NodeKind.FEATURE || g.layer(v) <= 0 || g.feature(v) == Long.MIN_VALUE) {
                continue;
            }
            for (FeatureEncoding e : new FeatureEncoding[] {CANTOR, LAYER_OFFSET, GLOBAL}) {
                if (FeatureIds.encodes(e, g.layer(v), g.featureIndex(v), g.feature(v))) {
                    votes[e.ordinal()]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[best]) {
                best = i;
            }
        }
        return votes[best] == 0 ? UNKNOWN : values()[best];
    }
}
