package org.circuitgrammar.motifs.instance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.circuitgrammar.motifs.census.ConnectedSubgraphEnumerator;
import org.circuitgrammar.motifs.grammar.AdjacencyMask;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.FflSignType;
import org.circuitgrammar.motifs.grammar.IsoclassTable;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Lists the strongest induced instances of a {@link DagMotif} in a {@link SignedDigraph}.
 *
 * <p>Instances are induced, as in the census: a node set is an instance iff the subgraph it induces is isomorphic to
 * the motif (an FFL's nodes are not also a chain instance). So {@link InstanceResult#total()} equals the census count
 * of the motif (the triad count for 3 nodes, {@code QuadCensus} for 4). Roles follow the motif's edge directions
 * ({@link DagMotif#assignRoles}); an FFL's regulator is its source, its target the sink.
 *
 * <p>Ranking: strength (smallest {@code |w|} among the motif's edges) descending, then the role-ordered node tuple
 * ascending, a total order, so the top K do not depend on the enumeration order. The top K are kept in a bounded
 * heap: memory {@code O(K)} however many instances exist. Cost: one pass over the connected 3-node sets
 * ({@link ConnectedSubgraphEnumerator#forEach}), {@code O(edges * log degree)} extra per matching set. For 4-node
 * motifs, a triple whose own weakest edge cannot beat the K-th instance kept so far is only counted, not expanded
 * ({@link ConnectedSubgraphEnumerator#forEachQuadOrCount}), since adding a node cannot raise the strength.
 */
public final class MotifInstanceFinder {
    private final SignedDigraph graph;

    public MotifInstanceFinder(SignedDigraph graph) {
        this.graph = Objects.requireNonNull(graph);
    }

    /**
     * The {@code topK} strongest instances of {@code motif}, optionally only FFLs of one sign type.
     *
     * @param fflType null for every instance; otherwise only FFL instances of this type (motif must be FFL)
     */
    public InstanceResult find(DagMotif motif, int topK, FflSignType fflType) {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0: " + topK);
        }
        if (fflType != null && motif != DagMotif.FFL) {
            throw new IllegalArgumentException("a sign type filter needs --motif ffl, not " + motif.shortName());
        }
        IsoclassTable table = motif.size() == 3 ? IsoclassTable.SIZE3 : IsoclassTable.SIZE4;
        short[] classOf = table.classOfMaskTable();
        int wanted = motif.isoclass();
        TopHeap heap = new TopHeap(topK);
        long[] total = {0};
        int[] positions = new int[motif.size()];
        ConnectedSubgraphEnumerator.Sink sink = (v, a, b, x, mask) -> {
            if (classOf[mask] != wanted) {
                return;
            }
            positions[0] = v;
            positions[1] = a;
            positions[2] = b;
            if (positions.length == 4) {
                positions[3] = x;
            }
            int[] roles = null;
            if (fflType != null) {
                roles = motif.assignRoles(positions, mask);
                if (toInstance(motif, roles).fflSignType() != fflType) {
                    return;
                }
            }
            total[0]++;
            double strength = strength(positions, mask);
            if (heap.wouldAccept(strength)) {
                heap.offer(strength, roles != null ? roles : motif.assignRoles(positions, mask));
            }
        };
        ConnectedSubgraphEnumerator sets = new ConnectedSubgraphEnumerator(graph);
        if (motif.size() == 3) {
            sets.forEach(3, 0, graph.nodeCount(), sink);
        } else {
            // a 4-node set is no stronger than its triple: triples too weak for the heap are only counted
            long[] skipped = new long[IsoclassTable.SIZE4.maskCount()];
            int[] triple = new int[3];
            sets.forEachQuadOrCount(0, graph.nodeCount(), (v, a, b, tri) -> {
                triple[0] = v;
                triple[1] = a;
                triple[2] = b;
                return heap.wouldAccept(strength(triple, tri));
            }, sink, skipped);
            for (int mask = 0; mask < skipped.length; mask++) {
                if (classOf[mask] == wanted) {
                    total[0] += skipped[mask];
                }
            }
        }
        List<MotifInstance> top = new ArrayList<>();
        for (int[] roles : heap.drainBestFirst()) {
            top.add(toInstance(motif, roles));
        }
        return new InstanceResult(motif, fflType, total[0], top);
    }

    /** The smallest |w| among the edges the mask has between the given nodes. */
    private double strength(int[] nodes, int mask) {
        double s = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nodes.length; i++) {
            for (int j = 0; j < nodes.length; j++) {
                if (i != j && AdjacencyMask.hasEdge(mask, i, j)) {
                    s = Math.min(s, Math.abs(graph.weight(nodes[i], nodes[j])));
                }
            }
        }
        return s;
    }

    private MotifInstance toInstance(DagMotif motif, int[] roles) {
        double[] w = new double[motif.edgeCount()];
        for (int e = 0; e < w.length; e++) {
            w[e] = graph.weight(roles[motif.edgeSource(e)], roles[motif.edgeTarget(e)]);
        }
        return new MotifInstance(motif, roles, w);
    }

    /**
     * A bounded min-heap of the best K (strength, node tuple) pairs: its root is the worst kept one. Better = larger
     * strength, then lexicographically smaller tuple.
     */
    private static final class TopHeap {
        private final int capacity;
        private double[] strength;
        private int[][] tuple;
        private int size;

        TopHeap(int capacity) {
            this.capacity = capacity;
            int initial = Math.min(capacity, 1024);
            strength = new double[initial];
            tuple = new int[initial][];
        }

        /** False when the heap is full and nothing with this strength can beat its worst. */
        boolean wouldAccept(double s) {
            return capacity > 0 && (size < capacity || s >= strength[0]);
        }

        void offer(double s, int[] t) {
            if (size < capacity) {
                if (size == strength.length) {
                    int grown = (int) Math.min(capacity, 2L * size);
                    strength = Arrays.copyOf(strength, grown);
                    tuple = Arrays.copyOf(tuple, grown);
                }
                strength[size] = s;
                tuple[size] = t;
                siftUp(size++);
            } else if (worse(0, s, t)) {
                strength[0] = s;
                tuple[0] = t;
                siftDown(0);
            }
        }

        /** True iff the entry at {@code i} is worse than (s, t). */
        private boolean worse(int i, double s, int[] t) {
            return strength[i] < s || strength[i] == s && Arrays.compare(tuple[i], t) > 0;
        }

        private boolean worse(int i, int j) {
            return worse(i, strength[j], tuple[j]);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worse(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int worst = i;
                for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                    if (worse(c, worst)) {
                        worst = c;
                    }
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int i, int j) {
            double s = strength[i];
            strength[i] = strength[j];
            strength[j] = s;
            int[] t = tuple[i];
            tuple[i] = tuple[j];
            tuple[j] = t;
        }

        List<int[]> drainBestFirst() {
            List<int[]> out = new ArrayList<>(size);
            while (size > 0) {
                out.add(tuple[0]);
                size--;
                strength[0] = strength[size];
                tuple[0] = tuple[size];
                siftDown(0);
            }
            java.util.Collections.reverse(out);
            return out;
        }
    }
}
