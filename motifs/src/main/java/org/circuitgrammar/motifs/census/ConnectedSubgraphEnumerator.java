package org.circuitgrammar.motifs.census;

import java.util.Arrays;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * ESU enumeration (Wernicke 2006, without sampling) of every weakly connected node set of size 3 or 4 of a
 * {@link SignedDigraph}, each exactly once, handed to a sink with its induced
 * {@link org.circuitgrammar.motifs.grammar.AdjacencyMask}.
 *
 * <p>Each set is found from its smallest node {@code v}; nodes join in ESU order and the mask's node positions follow
 * that order ({@code v} is position 0). A per-node code holds each node's edges to the current members (2 bits per
 * member position, laid out as in {@code AdjacencyMask}), so the induced mask of a candidate {@code x} costs one
 * array read: {@code mask = tripleMask | code[x] << 6}.
 *
 * <p>Cost: {@code O(S + sum over connected triples of the third node's degree)} where S is the number of sets
 * visited; memory {@code O(n + m)}. Exact on any simple digraph (mutual pairs, cycles). Not thread-safe (scratch
 * arrays): give each thread its own {@link #copyForThread()} and a disjoint root range.
 */
public final class ConnectedSubgraphEnumerator {
    /** Receives connected sets; {@code x} is -1 for 3-node sets. Nodes are in ESU order, matching the mask. */
    @FunctionalInterface
    public interface Sink {
        void accept(int v, int a, int b, int x, int mask);
    }

    private final int n;
    private final int[] nbrOff;
    private final int[] nbr;
    /** Per neighbour entry of owner w: bit 0 = "w -> nbr", bit 1 = "nbr -> w". */
    private final byte[] nbrDir;
    private final int[] code;
    private final int[] ext2;

    /** Merges {@code g}'s out- and in-lists into sorted undirected neighbour lists; {@code O(n + m)}. */
    public ConnectedSubgraphEnumerator(SignedDigraph g) {
        n = g.nodeCount();
        int[] oo = g.rawOutOffsets();
        int[] ot = g.rawOutTargets();
        int[] io = g.rawInOffsets();
        int[] is = g.rawInSources();
        int[] off = new int[n + 1];
        int[] adj = new int[2 * g.edgeCount()];
        byte[] dir = new byte[2 * g.edgeCount()];
        int k = 0;
        for (int v = 0; v < n; v++) {
            int i = oo[v];
            int j = io[v];
            while (i < oo[v + 1] || j < io[v + 1]) {
                int out = i < oo[v + 1] ? ot[i] : Integer.MAX_VALUE;
                int in = j < io[v + 1] ? is[j] : Integer.MAX_VALUE;
                adj[k] = Math.min(out, in);
                dir[k++] = (byte) ((out <= in ? 1 : 0) | (in <= out ? 2 : 0));
                if (out <= in) {
                    i++;
                }
                if (in <= out) {
                    j++;
                }
            }
            off[v + 1] = k;
        }
        nbrOff = off;
        nbr = Arrays.copyOf(adj, k);
        nbrDir = Arrays.copyOf(dir, k);
        code = new int[n];
        ext2 = new int[extCapacity(off, n)];
    }

    private ConnectedSubgraphEnumerator(ConnectedSubgraphEnumerator shared) {
        n = shared.n;
        nbrOff = shared.nbrOff;
        nbr = shared.nbr;
        nbrDir = shared.nbrDir;
        code = new int[n];
        ext2 = new int[shared.ext2.length];
    }

    private static int extCapacity(int[] off, int n) {
        int max = 0;
        for (int v = 0; v < n; v++) {
            max = Math.max(max, off[v + 1] - off[v]);
        }
        return Math.max(1, 2 * max);
    }

    /** An enumerator over the same graph with its own scratch arrays, for another thread. {@code O(n)}. */
    public ConnectedSubgraphEnumerator copyForThread() {
        return new ConnectedSubgraphEnumerator(this);
    }

    public int nodeCount() { return n; }

    /**
     * Visits every connected set of {@code size} (3 or 4) nodes whose smallest node lies in
     * {@code [fromRoot, toRoot)}.
     */
    public void forEach(int size, int fromRoot, int toRoot, Sink sink) {
        if (size != 3 && size != 4) {
            throw new IllegalArgumentException("size must be 3 or 4: " + size);
        }
        for (int v = fromRoot; v < toRoot; v++) {
            join(v, 0);
            int end1 = nbrOff[v + 1];
            for (int i = firstAbove(v); i < end1; i++) {
                int a = nbr[i];
                // a's exclusive neighbours are judged before a joins: above v and not adjacent to v
                int len2 = 0;
                for (int k = i + 1; k < end1; k++) {
                    ext2[len2++] = nbr[k];
                }
                for (int k = nbrOff[a]; k < nbrOff[a + 1]; k++) {
                    int u = nbr[k];
                    if (u > v && (code[u] & 0x3) == 0) {
                        ext2[len2++] = u;
                    }
                }
                join(a, 1);
                for (int j = 0; j < len2; j++) {
                    int b = ext2[j];
                    int tri = (code[a] & 0x3) | (code[b] & 0xF) << 2;
                    if (size == 3) {
                        sink.accept(v, a, b, -1, tri);
                        continue;
                    }
                    join(b, 2);
                    for (int k = j + 1; k < len2; k++) {
                        int x = ext2[k];
                        sink.accept(v, a, b, x, tri | (code[x] & 0x3F) << 6);
                    }
                    // b's exclusive neighbours: above v, adjacent to neither v nor a (so never a itself)
                    for (int k = nbrOff[b]; k < nbrOff[b + 1]; k++) {
                        int x = nbr[k];
                        if (x > v && (code[x] & 0xF) == 0) {
                            sink.accept(v, a, b, x, tri | (code[x] & 0x3F) << 6);
                        }
                    }
                    leave(b, 2);
                }
                leave(a, 1);
            }
            leave(v, 0);
        }
    }

    private int firstAbove(int v) {
        int lo = nbrOff[v];
        int hi = nbrOff[v + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nbr[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Records {@code w}'s edges, as member position {@code pos}, in the codes of its neighbours. */
    private void join(int w, int pos) {
        int shift = 2 * pos;
        for (int k = nbrOff[w]; k < nbrOff[w + 1]; k++) {
            code[nbr[k]] |= nbrDir[k] << shift;
        }
    }

    private void leave(int w, int pos) {
        int keep = ~(0x3 << (2 * pos));
        for (int k = nbrOff[w]; k < nbrOff[w + 1]; k++) {
            code[nbr[k]] &= keep;
        }
    }
}
