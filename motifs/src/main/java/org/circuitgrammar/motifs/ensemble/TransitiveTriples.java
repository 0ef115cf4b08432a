package org.circuitgrammar.motifs.ensemble;

import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Counts ordered triples of distinct nodes (a, b, c) with edges a→b, b→c and a→c: the feed-forward loops. On a DAG
 * this is the 030T triad count; on other graphs every triad contributes once per transitive triple it contains.
 * For each a, its out-neighbours are stamped, then every two-path a→b→c is checked against the stamps:
 * {@code O(n + Σ_b in(b)·out(b))} time, {@code O(n)} extra space. Stateless and thread-safe.
 */
final class TransitiveTriples {
    private TransitiveTriples() {
    }

    static long count(SignedDigraph g) {
        int n = g.nodeCount();
        int[] off = g.rawOutOffsets();
        int[] adj = g.rawOutTargets();
        int[] stamp = new int[n];           // stamp[c] == a + 1 iff a→c
        long triples = 0;
        for (int a = 0; a < n; a++) {
            for (int i = off[a]; i < off[a + 1]; i++) {
                stamp[adj[i]] = a + 1;
            }
            for (int i = off[a]; i < off[a + 1]; i++) {
                int b = adj[i];
                for (int j = off[b]; j < off[b + 1]; j++) {
                    int c = adj[j];
                    if (stamp[c] == a + 1) {         // c ≠ a: SignedDigraph has no self-loops
                        triples++;
                    }
                }
            }
        }
        return triples;
    }
}
