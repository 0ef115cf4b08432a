package org.circuitgrammar.motifs.instance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.circuitgrammar.motifs.census.QuadCensus;
import org.circuitgrammar.motifs.census.QuadCounts;
import org.circuitgrammar.motifs.grammar.AdjacencyMask;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.FflSignType;
import org.circuitgrammar.motifs.grammar.IsoclassTable;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

class MotifInstanceFinderTest {

    @Test
    void find_ffl_rolesFollowEdgesNotPatternIndices() {
        // 0->1, 0->2, 1->2: regulator 0, intermediate 1, target 2 (circuit-motifs calls the sink "regulator")
        SignedDigraph g = graph(3, 0, 1, 0.5, 0, 2, -0.25, 1, 2, 2.0);
        InstanceResult r = new MotifInstanceFinder(g).find(DagMotif.FFL, 10, null);
        assertEquals(1, r.total());
        MotifInstance ffl = r.top().get(0);
        assertArrayEquals(new int[] {0, 1, 2}, ffl.nodes());
        assertEquals(0.25, ffl.strength());
        assertEquals(0.5, ffl.weight(0));
        assertEquals(FflSignType.I3, ffl.fflSignType()); // X->Y +, Y->Z +, X->Z -
        // the same FFL numbered backwards: 2->1, 2->0, 1->0
        SignedDigraph back = graph(3, 2, 1, 1, 2, 0, 1, 1, 0, 1);
        assertArrayEquals(new int[] {2, 1, 0},
                new MotifInstanceFinder(back).find(DagMotif.FFL, 1, null).top().get(0).nodes());
    }

    @Test
    void find_chainFanInFanOut_rolesAndInducedness() {
        SignedDigraph chain = graph(3, 2, 0, 1, 0, 1, 1);              // 2 -> 0 -> 1
        assertArrayEquals(new int[] {2, 0, 1}, only(chain, DagMotif.CHAIN).nodes());
        SignedDigraph fanIn = graph(3, 0, 2, 1, 1, 2, 1);              // 0 -> 2 <- 1
        assertArrayEquals(new int[] {0, 1, 2}, only(fanIn, DagMotif.FAN_IN).nodes());
        SignedDigraph fanOut = graph(3, 1, 0, 1, 1, 2, 1);             // 0 <- 1 -> 2
        assertArrayEquals(new int[] {1, 0, 2}, only(fanOut, DagMotif.FAN_OUT).nodes());
        SignedDigraph ffl = graph(3, 0, 1, 1, 0, 2, 1, 1, 2, 1);
        MotifInstanceFinder f = new MotifInstanceFinder(ffl);
        for (DagMotif m : List.of(DagMotif.CHAIN, DagMotif.FAN_IN, DagMotif.FAN_OUT)) {
            assertEquals(0, f.find(m, 10, null).total(), m + " inside an FFL is not an induced instance");
        }
    }

    @Test
    void find_fourNodeDiamond_rolesByTopologyAndSmallestTuple() {
        // 5 -> {3, 7} -> 1: A = 5, D = 1; B, C = 3, 7 in ascending order
        SignedDigraph g = graph(8, 5, 3, 1, 5, 7, 1, 3, 1, 1, 7, 1, 1);
        InstanceResult r = new MotifInstanceFinder(g).find(DagMotif.D12, 5, null);
        assertEquals(1, r.total());
        assertArrayEquals(new int[] {5, 3, 7, 1}, r.top().get(0).nodes());
    }

    @Test
    void find_fflTypeFilter_needsFfl() {
        SignedDigraph g = graph(3, 0, 1, 1, 1, 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new MotifInstanceFinder(g).find(DagMotif.CHAIN, 1, FflSignType.C1));
    }

    @Property(tries = 60)
    void find_noLimit_totalsEqualCensusAndBruteForce(@ForAll @IntRange(min = 0, max = 10) int n,
                                                     @ForAll @IntRange(min = 0, max = 100) int percent,
                                                     @ForAll long seed) {
        SignedDigraph g = randomDag(n, percent / 100.0, seed);
        MotifInstanceFinder f = new MotifInstanceFinder(g);
        QuadCounts census = QuadCensus.count(g);
        for (DagMotif m : DagMotif.ofSize(4)) {
            InstanceResult all = f.find(m, Integer.MAX_VALUE, null);
            assertEquals(census.count(m), all.total(), m.toString());
            assertEquals(all.total(), all.top().size());
            assertEquals(census.count(m), f.find(m, 2, null).total(), "top-K keeps the total");
        }
        for (DagMotif m : DagMotif.ofSize(3)) {
            assertEquals(bruteForce(g, m).size(), f.find(m, Integer.MAX_VALUE, null).total(), m.toString());
        }
        long byType = 0;
        for (FflSignType t : FflSignType.values()) {
            InstanceResult typed = f.find(DagMotif.FFL, Integer.MAX_VALUE, t);
            for (MotifInstance i : typed.top()) {
                assertEquals(t, i.fflSignType());
            }
            byType += typed.total();
        }
        assertEquals(f.find(DagMotif.FFL, 0, null).total(), byType, "the 8 sign types split the FFLs");
    }

    @Property(tries = 60)
    void find_topK_equalsBruteForceRankingTruncated(@ForAll @IntRange(min = 3, max = 9) int n,
                                                    @ForAll @IntRange(min = 20, max = 90) int percent,
                                                    @ForAll @IntRange(min = 0, max = 6) int k,
                                                    @ForAll long seed) {
        SignedDigraph g = randomDag(n, percent / 100.0, seed);
        for (DagMotif m : List.of(DagMotif.FFL, DagMotif.FAN_IN, DagMotif.CHAIN, DagMotif.D01, DagMotif.D05,
                DagMotif.D12, DagMotif.D16, DagMotif.D20, DagMotif.D24)) {
            List<MotifInstance> expected = bruteForce(g, m);
            expected.sort(Comparator.comparingDouble(MotifInstance::strength).reversed()
                    .thenComparing(MotifInstance::nodes, Arrays::compare));
            InstanceResult found = new MotifInstanceFinder(g).find(m, k, null);
            assertEquals(expected.subList(0, Math.min(k, expected.size())), found.top(), m.toString());
            assertEquals(expected.size(), found.total(), m + " total, with weak triples only counted");
        }
    }

    @Test
    void find_weakestEdgeIsStrength() {
        // 4-chain 0->1->2->3 with weights -3, 0.5, 2
        SignedDigraph g = graph(4, 0, 1, -3, 1, 2, 0.5, 2, 3, 2);
        MotifInstance c = only(g, DagMotif.D05);
        assertEquals(0.5, c.strength());
        assertArrayEquals(new int[] {0, 1, 2, 3}, c.nodes());
        assertTrue(c.weight(0) < 0);
    }

    /** Every induced instance by checking all node subsets of the motif's size; roles by brute force too. */
    private static List<MotifInstance> bruteForce(SignedDigraph g, DagMotif m) {
        List<MotifInstance> out = new ArrayList<>();
        IsoclassTable table = m.size() == 3 ? IsoclassTable.SIZE3 : IsoclassTable.SIZE4;
        int n = g.nodeCount();
        for (int subset = 0; subset < 1 << n; subset++) {
            if (Integer.bitCount(subset) != m.size()) {
                continue;
            }
            int[] nodes = new int[m.size()];
            for (int v = 0, k = 0; v < n; v++) {
                if ((subset >> v & 1) != 0) {
                    nodes[k++] = v;
                }
            }
            int mask = 0;
            for (int i = 0; i < nodes.length; i++) {
                for (int j = 0; j < nodes.length; j++) {
                    if (i != j && g.hasEdge(nodes[i], nodes[j])) {
                        mask |= AdjacencyMask.edgeBit(i, j);
                    }
                }
            }
            if (table.classOf(mask) != m.isoclass()) {
                continue;
            }
            int[] roles = m.assignRoles(nodes, mask);
            double[] w = new double[m.edgeCount()];
            for (int e = 0; e < w.length; e++) {
                w[e] = g.weight(roles[m.edgeSource(e)], roles[m.edgeTarget(e)]);
                assertTrue(!Double.isNaN(w[e]), "role assignment realises the motif's edges");
            }
            out.add(new MotifInstance(m, roles, w));
        }
        return out;
    }

    private static MotifInstance only(SignedDigraph g, DagMotif m) {
        InstanceResult r = new MotifInstanceFinder(g).find(m, 5, null);
        assertEquals(1, r.total(), m.toString());
        return r.top().get(0);
    }

    /** Edges as (source, target, weight) triples. */
    static SignedDigraph graph(int n, double... edges) {
        int m = edges.length / 3;
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            src[e] = (int) edges[3 * e];
            dst[e] = (int) edges[3 * e + 1];
            w[e] = edges[3 * e + 2];
        }
        return SignedDigraph.fromEdges(new int[n], new int[n], src, dst, w, m);
    }

    /** Edges only from lower to higher index, weights in ±[0.1, 1.1) with few distinct values (ties exercised). */
    static SignedDigraph randomDag(int n, double p, long seed) {
        Random r = new Random(seed);
        int cap = n * n;
        int[] src = new int[cap];
        int[] dst = new int[cap];
        double[] w = new double[cap];
        int m = 0;
        for (int s = 0; s < n; s++) {
            for (int t = s + 1; t < n; t++) {
                if (r.nextDouble() < p) {
                    src[m] = s;
                    dst[m] = t;
                    w[m] = (r.nextBoolean() ? 1 : -1) * (0.1 + r.nextInt(4) / 4.0);
                    m++;
                }
            }
        }
        int[] layer = new int[n];
        for (int v = 0; v < n; v++) {
            layer[v] = v;
        }
        return SignedDigraph.fromEdges(layer, new int[n], src, dst, w, m);
    }
}
