package org.circuitgrammar.motifs.census;

import java.util.Arrays;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * ESU enumeration (Wernicke 2006, without sampling) of the weakly connected node sets of size 3 or 4 of a
 * {@link SignedDigraph}: either each set handed to a sink with its induced
 * {@link org.circuitgrammar.motifs.grammar.AdjacencyMask} ({@link #forEach}), or, for 4-node sets, only the number
 * of sets per mask ({@link #countQuadMasks}), which never visits the sets one by one.
 *
 * <p>Internally nodes are renumbered by degree, highest first (ties by index), and each set is found from its
 * smallest internal number {@code v}, its root; members join in ESU order, which is the order of the mask's node
 * positions (the root is position 0). Hubs such as logits thus act as roots rather than as third members, which
 * bounds the neighbour scans below. Sinks receive the caller's node indices. A per-node code holds each node's edges
 * to the current members (2 bits per member position, laid out as in {@code AdjacencyMask}), so the mask of a
 * candidate {@code x} costs one read: {@code mask = tripleMask | code[x] << 6}.
 *
 * <p>Counting 4-node sets per mask: for each connected triple (v, a, b) the fourth node is either a later entry of
 * the extension list (adjacent to v or a; counted from a running histogram of their 4-bit codes) or an exclusive
 * neighbour of b; one scan of b's neighbours above v moves the entries adjacent to b into their buckets and counts the
 * exclusive ones. Cost {@code O(T3 * 16 + sum over connected triples of |N(b) above v|)}, independent of the number
 * of 4-node sets; {@link #forEach} costs {@code O(S + the same sum)} for S sets. Exact on any simple digraph (mutual
 * pairs, cycles). Memory {@code O(n + m)}. Not thread-safe (scratch arrays): give each thread its own
 * {@link #copyForThread()} and a disjoint root range.
 */
public final class ConnectedSubgraphEnumerator {
    /** Receives connected sets; {@code x} is -1 for 3-node sets. Nodes are in ESU order, matching the mask. */
    @FunctionalInterface
    public interface Sink {
        void accept(int v, int a, int b, int x, int mask);
    }

    /** Decides per connected triple whether its fourth nodes are visited one by one or only counted. */
    @FunctionalInterface
    public interface TripleFilter {
        /** Caller's node indices in ESU order and the triple's 6-bit mask. */
        boolean visitFourth(int v, int a, int b, int tripleMask);
    }

    private final int n;
    /** internal number → caller's node index */
    private final int[] original;
    private final int[] nbrOff;
    private final int[] nbr;
    /** Per neighbour entry of owner w: bit 0 = "w -> nbr", bit 1 = "nbr -> w". */
    private final byte[] nbrDir;
    private final int[] code;
    private final int[] ext2;
    private final int[] posInExt2;

    /** Renumbers {@code g} by degree and merges its out- and in-lists; {@code O(n log n + m log m)}. */
    public ConnectedSubgraphEnumerator(SignedDigraph g) {
        n = g.nodeCount();
        Integer[] byDegree = new Integer[n];
        for (int v = 0; v < n; v++) {
            byDegree[v] = v;
        }
        Arrays.sort(byDegree, (x, y) -> {
            int dx = g.outDegree(x) + g.inDegree(x);
            int dy = g.outDegree(y) + g.inDegree(y);
            return dx != dy ? Integer.compare(dy, dx) : Integer.compare(x, y);
        });
        original = new int[n];
        int[] internal = new int[n];
        for (int i = 0; i < n; i++) {
            original[i] = byDegree[i];
            internal[byDegree[i]] = i;
        }
        int[] oo = g.rawOutOffsets();
        int[] ot = g.rawOutTargets();
        int[] io = g.rawInOffsets();
        int[] is = g.rawInSources();
        nbrOff = new int[n + 1];
        long[] keys = new long[2 * g.edgeCount()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int w = original[i];
            int start = k;
            for (int e = oo[w]; e < oo[w + 1]; e++) {
                keys[k++] = (long) internal[ot[e]] << 2 | 1;
            }
            for (int e = io[w]; e < io[w + 1]; e++) {
                keys[k++] = (long) internal[is[e]] << 2 | 2;
            }
            Arrays.sort(keys, start, k);
            nbrOff[i + 1] = k;
        }
        // merge each mutual pair's two entries (adjacent after sorting) into one with both direction bits
        int[] adj = new int[k];
        byte[] dir = new byte[k];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int start = m;
            for (int e = nbrOff[i]; e < nbrOff[i + 1]; e++) {
                int u = (int) (keys[e] >>> 2);
                if (m > start && adj[m - 1] == u) {
                    dir[m - 1] |= (byte) (keys[e] & 3);
                } else {
                    adj[m] = u;
                    dir[m++] = (byte) (keys[e] & 3);
                }
            }
            nbrOff[i] = start; // entry i is no longer read: this iteration already scanned it, the next reads i+1
        }
        nbrOff[n] = m;
        nbr = Arrays.copyOf(adj, m);
        nbrDir = Arrays.copyOf(dir, m);
        code = new int[n];
        ext2 = new int[extCapacity()];
        posInExt2 = new int[n];
        Arrays.fill(posInExt2, -1);
    }

    private ConnectedSubgraphEnumerator(ConnectedSubgraphEnumerator shared) {
        n = shared.n;
        original = shared.original;
        nbrOff = shared.nbrOff;
        nbr = shared.nbr;
        nbrDir = shared.nbrDir;
        code = new int[n];
        ext2 = new int[shared.ext2.length];
        posInExt2 = new int[n];
        Arrays.fill(posInExt2, -1);
    }

    private int extCapacity() {
        int max = 0;
        for (int v = 0; v < n; v++) {
            max = Math.max(max, nbrOff[v + 1] - nbrOff[v]);
        }
        return Math.max(1, 2 * max);
    }

    /** An enumerator over the same graph with its own scratch arrays, for another thread. {@code O(n)}. */
    public ConnectedSubgraphEnumerator copyForThread() {
        return new ConnectedSubgraphEnumerator(this);
    }

    public int nodeCount() { return n; }

    /**
     * Visits every connected set of {@code size} (3 or 4) nodes whose root (see the class comment) lies in
     * {@code [fromRoot, toRoot)}; roots {@code 0..nodeCount()-1} cover every set once.
     */
    public void forEach(int size, int fromRoot, int toRoot, Sink sink) {
        if (size != 3 && size != 4) {
            throw new IllegalArgumentException("size must be 3 or 4: " + size);
        }
        run(size, fromRoot, toRoot, sink, null, null);
    }

    /**
     * Visits the connected 4-node sets of the triples {@code filter} accepts and counts, into {@code byMask}, the
     * sets of the triples it rejects (as {@link #countQuadMasks} would). Lets a top-K search skip triples too weak
     * to matter while still counting every set.
     */
    public void forEachQuadOrCount(int fromRoot, int toRoot, TripleFilter filter, Sink sink, long[] byMask) {
        if (byMask.length != 1 << 12) {
            throw new IllegalArgumentException("byMask must have 4096 entries: " + byMask.length);
        }
        run(4, fromRoot, toRoot, sink, filter, byMask);
    }

    /**
     * Adds to {@code byMask} (length 4096) the number of connected 4-node sets per induced mask, over the roots in
     * {@code [fromRoot, toRoot)}. Positions: root, second, third member in ESU order, fourth node.
     */
    public void countQuadMasks(int fromRoot, int toRoot, long[] byMask) {
        if (byMask.length != 1 << 12) {
            throw new IllegalArgumentException("byMask must have 4096 entries: " + byMask.length);
        }
        run(4, fromRoot, toRoot, null, null, byMask);
    }

    private void run(int size, int fromRoot, int toRoot, Sink sink, TripleFilter filter, long[] byMask) {
        long[] suffix = new long[16];
        for (int v = fromRoot; v < toRoot; v++) {
            join(v, 0);
            int end1 = nbrOff[v + 1];
            for (int i = firstAbove(v, v); i < end1; i++) {
                int a = nbr[i];
                // ext2: v's later neighbours, then a's neighbours above v that are not adjacent to v (judged before
                // a joins, so only v's bits count)
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
                if (byMask != null) {
                    markExt2(len2, suffix);
                }
                for (int j = 0; j < len2; j++) {
                    int b = ext2[j];
                    int tri = (code[a] & 0x3) | (code[b] & 0xF) << 2;
                    if (byMask != null) {
                        suffix[code[b] & 0xF]--; // suffix now holds the codes of ext2[j+1..]
                    }
                    if (sink == null || filter != null
                            && !filter.visitFourth(original[v], original[a], original[b], tri)) {
                        countFourth(v, j, tri, suffix, byMask);
                    } else {
                        visitFourth(size, v, a, j, len2, tri, sink);
                    }
                }
                if (byMask != null) {
                    unmarkExt2(len2);
                }
                leave(a, 1);
            }
            leave(v, 0);
        }
    }

    private void visitFourth(int size, int v, int a, int j, int len2, int tri, Sink sink) {
        int b = ext2[j];
        if (size == 3) {
            sink.accept(original[v], original[a], original[b], -1, tri);
            return;
        }
        join(b, 2);
        for (int k = j + 1; k < len2; k++) {
            int x = ext2[k];
            sink.accept(original[v], original[a], original[b], original[x], tri | (code[x] & 0x3F) << 6);
        }
        // b's exclusive neighbours: above v, adjacent to neither v nor a (so never a itself)
        for (int k = firstAbove(b, v); k < nbrOff[b + 1]; k++) {
            int x = nbr[k];
            if ((code[x] & 0xF) == 0) {
                sink.accept(original[v], original[a], original[b], original[x], tri | (code[x] & 0x3F) << 6);
            }
        }
        leave(b, 2);
    }

    private void markExt2(int len2, long[] suffix) {
        Arrays.fill(suffix, 0);
        for (int k = 0; k < len2; k++) {
            int x = ext2[k];
            posInExt2[x] = k;
            suffix[code[x] & 0xF]++;
        }
    }

    private void unmarkExt2(int len2) {
        for (int k = 0; k < len2; k++) {
            posInExt2[ext2[k]] = -1;
        }
    }

    /**
     * Counts the 4-node sets of triple (v, a, ext2[j]) per mask. Later ext2 entries start in the "not adjacent to
     * b" bucket of their code ({@code suffix}); one scan of b's neighbours moves the adjacent ones and counts b's
     * exclusive neighbours (code 0: adjacent to neither v nor a).
     */
    private void countFourth(int v, int j, int tri, long[] suffix, long[] byMask) {
        int b = ext2[j];
        long onlyOut = 0;
        long onlyIn = 0;
        long mutual = 0;
        for (int k = firstAbove(b, v); k < nbrOff[b + 1]; k++) {
            int x = nbr[k];
            int c = code[x] & 0xF;
            int d = nbrDir[k];
            if (c == 0) {
                if (d == 1) {
                    onlyOut++;
                } else if (d == 2) {
                    onlyIn++;
                } else {
                    mutual++;
                }
            } else if (posInExt2[x] > j) {
                byMask[tri | c << 6]--;
                byMask[tri | (c | d << 4) << 6]++;
            }
        }
        byMask[tri | 1 << 10] += onlyOut;
        byMask[tri | 2 << 10] += onlyIn;
        byMask[tri | 3 << 10] += mutual;
        for (int c = 1; c < 16; c++) {
            byMask[tri | c << 6] += suffix[c];
        }
    }

    /** Index of the first neighbour of {@code owner} numbered above {@code v}. */
    private int firstAbove(int owner, int v) {
        int lo = nbrOff[owner];
        int hi = nbrOff[owner + 1];
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
