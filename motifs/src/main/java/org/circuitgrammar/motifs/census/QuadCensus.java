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
 * <p>Counts connected 4-node sets per induced mask with {@link ConnectedSubgraphEnumerator#countQuadMasks}, which
 * handles the fourth node in bulk (cost linear in the connected triples and their neighbour scans, not in the number
 * of 4-node sets), then folds the 4096 masks into classes. Disconnected classes are not counted (their entries stay
 * 0; igraph reports NaN). Threads split the roots dynamically; the counts are integer sums, so the result does not
 * depend on the thread count. Timings on the shared graphs: {@code docs/motifs.md}.
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
        long[] byMask = new long[IsoclassTable.SIZE4.maskCount()];
        if (threads == 1 || n < 2 * ROOT_CHUNK) {
            first.countQuadMasks(0, n, byMask);
            return fold(byMask);
        }
        AtomicInteger nextChunk = new AtomicInteger();
        List<long[]> partials = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            ConnectedSubgraphEnumerator e = w == 0 ? first : first.copyForThread();
            long[] partial = new long[byMask.length];
            partials.add(partial);
            Thread th = new Thread(() -> {
                int c;
                while ((c = nextChunk.getAndIncrement()) * ROOT_CHUNK < n) {
                    e.countQuadMasks(c * ROOT_CHUNK, Math.min(n, (c + 1) * ROOT_CHUNK), partial);
                }
            }, "quad-census-" + w);
            workers.add(th);
            th.start();
        }
        for (int w = 0; w < threads; w++) {
            try {
                workers.get(w).join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting", ex);
            }
            for (int mask = 0; mask < byMask.length; mask++) {
                byMask[mask] += partials.get(w)[mask];
            }
        }
        return fold(byMask);
    }

    private static QuadCounts fold(long[] byMask) {
        long[] byClass = new long[IsoclassTable.SIZE4.classCount()];
        for (int mask = 0; mask < byMask.length; mask++) {
            byClass[IsoclassTable.SIZE4.classOf(mask)] += byMask[mask];
        }
        return new QuadCounts(byClass);
    }
}
