package org.circuitgrammar.motifs.grammar;

/**
 * The bit layout of the adjacency of a 3- or 4-node subgraph, shared by the isoclass tables, the census and the
 * instance finder.
 *
 * <p>Node pairs {@code (i, j)} with {@code i < j} are numbered in colex order: (0,1)=0, (0,2)=1, (1,2)=2, (0,3)=3,
 * (1,3)=4, (2,3)=5. Pair {@code p} owns two bits: bit {@code 2p} is the edge {@code i -> j}, bit {@code 2p+1} the
 * edge {@code j -> i}. A 3-node mask is therefore the low 6 bits of a 4-node mask, and the 6 bits that tie node 3 to
 * nodes 0..2 are bits 6..11, with node {@code p}'s two bits at {@code 6 + 2p} ({@code p -> 3}) and {@code 7 + 2p}
 * ({@code 3 -> p}). That is what lets the census build a 4-node mask from a triad mask and one 6-bit code per
 * candidate node.
 */
public final class AdjacencyMask {
    private AdjacencyMask() {
    }

    /** The colex index of the pair {@code {i, j}}, {@code i != j}, both in 0..3. */
    public static int pairIndex(int i, int j) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        return hi * (hi - 1) / 2 + lo;
    }

    /** The bit of the edge {@code s -> t} among nodes 0..3. */
    public static int edgeBit(int s, int t) {
        if (s == t || s < 0 || t < 0 || s > 3 || t > 3) {
            throw new IllegalArgumentException("not an edge between distinct nodes 0..3: " + s + "->" + t);
        }
        return 1 << (2 * pairIndex(s, t) + (s < t ? 0 : 1));
    }

    /** True iff {@code mask} has the edge {@code s -> t}. */
    public static boolean hasEdge(int mask, int s, int t) {
        return (mask & edgeBit(s, t)) != 0;
    }

    /** Number of edges in {@code mask}. */
    public static int edgeCount(int mask) {
        return Integer.bitCount(mask);
    }

    /**
     * The mask of the same graph with node {@code i} renamed {@code perm[i]}; {@code perm} is a permutation of
     * {@code 0..size-1}.
     */
    public static int relabel(int mask, int[] perm) {
        int size = perm.length;
        int out = 0;
        for (int s = 0; s < size; s++) {
            for (int t = 0; t < size; t++) {
                if (s != t && hasEdge(mask, s, t)) {
                    out |= edgeBit(perm[s], perm[t]);
                }
            }
        }
        return out;
    }

    /** True iff the underlying undirected graph of {@code mask} on nodes {@code 0..size-1} is connected. */
    public static boolean isConnected(int mask, int size) {
        int reached = 1;
        for (int round = 0; round < size; round++) {
            for (int s = 0; s < size; s++) {
                for (int t = 0; t < size; t++) {
                    if (s != t && (reached >> s & 1) != 0 && (hasEdge(mask, s, t) || hasEdge(mask, t, s))) {
                        reached |= 1 << t;
                    }
                }
            }
        }
        return reached == (1 << size) - 1;
    }

    /** True iff {@code mask} has no directed cycle (mutual pairs count as 2-cycles). */
    public static boolean isAcyclic(int mask, int size) {
        int remaining = (1 << size) - 1;
        boolean removed = true;
        while (remaining != 0 && removed) {
            removed = false;
            for (int v = 0; v < size; v++) {
                if ((remaining >> v & 1) == 0) {
                    continue;
                }
                boolean source = true;
                for (int u = 0; u < size; u++) {
                    if (u != v && (remaining >> u & 1) != 0 && hasEdge(mask, u, v)) {
                        source = false;
                        break;
                    }
                }
                if (source) {
                    remaining &= ~(1 << v);
                    removed = true;
                }
            }
        }
        return remaining == 0;
    }

    /** Every permutation of {@code 0..size-1}, in lexicographic order. */
    static int[][] permutations(int size) {
        int count = 1;
        for (int i = 2; i <= size; i++) {
            count *= i;
        }
        int[][] out = new int[count][];
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int k = 0; k < count; k++) {
            out[k] = p.clone();
            nextPermutation(p);
        }
        return out;
    }

    private static void nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        swap(p, i, j);
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            swap(p, a, b);
        }
    }

    private static void swap(int[] p, int i, int j) {
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}
