package org.circuitgrammar.motifs.pipeline;

import java.util.Optional;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Finds graphs on which a census against layer-aware nulls says nothing: no edges, every node in one layer, or
 * every edge in one (source layer, target layer) block (layer-pair nulls could only permute that one block, and
 * the layer structure the census is about is absent). Such a graph keeps its counts; its null statistics are
 * undefined with this reason. {@code O(n + m)}.
 */
final class DegenerateGraphCheck {
    private DegenerateGraphCheck() {
    }

    /** Why {@code g} is degenerate, or empty if it is usable. */
    static Optional<String> problem(SignedDigraph g) {
        if (g.edgeCount() == 0) {
            return Optional.of("degenerate graph: no edges after filtering (" + g.nodeCount() + " nodes)");
        }
        int firstLayer = g.layer(0);
        boolean oneLayer = true;
        for (int v = 1; v < g.nodeCount() && oneLayer; v++) {
            oneLayer = g.layer(v) == firstLayer;
        }
        if (oneLayer) {
            return Optional.of("degenerate graph: every node is in layer " + firstLayer);
        }
        int[] off = g.rawOutOffsets();
        int[] targets = g.rawOutTargets();
        long block = Long.MIN_VALUE;
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int i = off[s]; i < off[s + 1]; i++) {
                long key = ((long) g.layer(s) << 32) | (g.layer(targets[i]) & 0xffffffffL);
                if (block == Long.MIN_VALUE) {
                    block = key;
                } else if (key != block) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("degenerate graph: all " + g.edgeCount() + " edges are in one layer-pair block (layer "
                + (int) (block >> 32) + " -> " + (int) block + ")");
    }
}
