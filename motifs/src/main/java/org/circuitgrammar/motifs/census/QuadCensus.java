package org.circuitgrammar.motifs.census;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.circuitgrammar.motifs.grammar.IsoclassTable;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Exact census of induced, weakly connected 4-node subgraphs by isoclass (218 classes, {@link IsoclassTable#SIZE4}
 * ids), as igraph's {@code motifs_randesu(size=4)} counts them, on any simple digraph.
 *
 * <p>Enumerates every connected 4-node set once ({@link ConnectedSubgraphEnumerator}) and looks its mask up in the
 * 4096-entry class table. Disconnected classes are not counted (their entries stay 0; igraph reports NaN).
 * Cost {@code O(S + sum over connected triples of a degree)}, S = number of connected 4-sets: about 1e8 sets per
 * second per thread (see {@code docs/motifs.md} for the shared graphs). Threads split the roots dynamically; the
 * counts are integer sums, so the result does not depend on the thread count.
 */
public final class QuadCensus {
    private static final int ROOT_CHUNK = 8;

    private QuadCensus() {
    }

    /** Counts on one thread. */
    public static QuadCounts count(SignedDigraph g) {
        return count(g, 1);
    }

    /** Counts with {@code threads} worker threads (1 runs on the caller's thread). */
    public static QuadCounts count(SignedDigraph g, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        ConnectedSubgraphEnumerator first = new ConnectedSubgraphEnumerator(g);
        int n = g.nodeCount();
        if (threads == 1 || n < 2 * ROOT_CHUNK) {
            Tally t = new Tally();
            first.forEach(4, 0, n, t);
            return new QuadCounts(t.counts);
        }
        AtomicInteger nextChunk = new AtomicInteger();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            ConnectedSubgraphEnumerator e = w == 0 ? first : first.copyForThread();
            Tally t = new Tally();
            tallies.add(t);
            Thread th = new Thread(() -> {
                int c;
                while ((c = nextChunk.getAndIncrement()) * ROOT_CHUNK < n) {
                    e.forEach(4, c * ROOT_CHUNK, Math.min(n, (c + 1) * ROOT_CHUNK), t);
                }
            }, "quad-census-" + w);
            workers.add(th);
            th.start();
        }
        long[] sum = new long[IsoclassTable.SIZE4.classCount()];
        for (int w = 0; w < threads; w++) {
            try {
                workers.get(w).join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting", ex);
            }
            for (int c = 0; c < sum.length; c++) {
                sum[c] += tallies.get(w).counts[c];
            }
        }
        return new QuadCounts(sum);
    }

    /** Per-thread counts by class. */
    private static final class Tally implements ConnectedSubgraphEnumerator.Sink {
        final long[] counts = new long[IsoclassTable.SIZE4.classCount()];
        private final short[] classOf = IsoclassTable.SIZE4.classOfMaskTable();

        @Override
        public void accept(int v, int a, int b, int x, int mask) {
            counts[classOf[mask]]++;
        }
    }
}
