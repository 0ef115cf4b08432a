package org.circuitgrammar.motifs.ensemble;

import java.util.List;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * A test oracle: edges, mutual pairs and the induced triads of a graph with no mutual edge inside them, classified by
 * looking at every unordered node triple ({@code O(n³)}). Stateless.
 */
final class BruteForceTriads implements MotifCounter {
    static final List<String> LABELS = List.of("edges", "mutual", "021D", "021U", "021C", "030T", "030C");
    private final String family;

    BruteForceTriads(String family) {
        this.family = family;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public long[] count(SignedDigraph g) {
        int n = g.nodeCount();
        long[] c = new long[LABELS.size()];
        c[0] = g.edgeCount();
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                if (g.hasEdge(x, y) && g.hasEdge(y, x)) {
                    c[1]++;
                }
                for (int z = y + 1; z < n; z++) {
                    classify(g, new int[] {x, y, z}, c);
                }
            }
        }
        return c;
    }

    private static void classify(SignedDigraph g, int[] v, long[] c) {
        int[] out = new int[3];
        int[] in = new int[3];
        int edges = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j && g.hasEdge(v[i], v[j])) {
                    if (g.hasEdge(v[j], v[i])) {
                        return;                         // a mutual dyad: not one of the classes counted here
                    }
                    out[i]++;
                    in[j]++;
                    edges++;
                }
            }
        }
        if (edges == 2) {
            int maxOut = Math.max(out[0], Math.max(out[1], out[2]));
            int maxIn = Math.max(in[0], Math.max(in[1], in[2]));
            c[maxOut == 2 ? 2 : maxIn == 2 ? 3 : 4]++;
        } else if (edges == 3) {
            boolean cycle = out[0] == 1 && out[1] == 1 && out[2] == 1;
            c[cycle ? 6 : 5]++;
        }
    }
}
