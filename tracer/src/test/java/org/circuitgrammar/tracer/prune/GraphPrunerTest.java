package org.circuitgrammar.tracer.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;

import org.circuitgrammar.tracer.prune.GraphPruner.Role;
import org.junit.jupiter.api.Test;

/** Pruning math against the 12-node hand oracle of spec §2.3 and hand-derived consequences of it. */
class GraphPrunerTest {
    private static final int N = 12;

    /** Spec §2.3: all edges weight 10; into 11 from {1,3,6,8}, into 3 from {0,1,6}, into 1 from {9,10}, into 0 from {9}. */
    private static float[] smallGraph() {
        float[] a = new float[N * N];
        for (int s : new int[] {1, 3, 6, 8}) a[11 * N + s] = 10;
        for (int s : new int[] {0, 1, 6}) a[3 * N + s] = 10;
        for (int s : new int[] {9, 10}) a[1 * N + s] = 10;
        a[0 * N + 9] = 10;
        return a;
    }

    private static double[] logitWeight() {
        double[] w = new double[N];
        w[11] = 1;
        return w;
    }

    @Test
    void influence_smallGraph_matchesSpecOracle() {
        double[] influence = GraphPruner.influence(GraphPruner.normalise(smallGraph(), N), N, logitWeight());
        double[] expected = {1 / 12.0, 1 / 3.0, 0, 1 / 4.0, 0, 0, 1 / 3.0, 0, 1 / 4.0, 1 / 4.0, 1 / 6.0, 0};
        assertArrayEquals(expected, influence, 1e-12);
        assertEquals(0.25, GraphPruner.findThreshold(influence, 0.8), 1e-12);
    }

    @Test
    void edgeScores_afterRemovingTwoEdges_matchSpecOracle() {
        float[] a = smallGraph();
        a[0 * N + 9] = 0;
        a[3 * N + 0] = 0;
        double[] scores = GraphPruner.edgeScores(a, N, logitWeight());
        double[] expected = new double[N * N];
        for (int s : new int[] {1, 3, 6, 8}) expected[11 * N + s] = 0.25;
        for (int s : new int[] {1, 6}) expected[3 * N + s] = 0.125;
        for (int s : new int[] {9, 10}) expected[1 * N + s] = 3 / 16.0;
        assertArrayEquals(expected, scores, 1e-12);
    }

    private static Role[] roles() {
        Role[] roles = new Role[N];
        java.util.Arrays.fill(roles, Role.FEATURE);
        roles[9] = Role.TOKEN;
        roles[10] = Role.TOKEN;
        roles[11] = Role.LOGIT;
        return roles;
    }

    private static BitSet edges(int... pairs) {
        BitSet b = new BitSet();
        for (int i = 0; i < pairs.length; i += 2) b.set(pairs[i] * N + pairs[i + 1]);
        return b;
    }

    /**
     * Nodes {1,3,6,8,9} pass the 0.8 node threshold, 10 and 11 are forced; node 0 drops, which removes exactly the
     * spec's two edges. All 8 remaining edges pass 0.98 (cut 1/8). Features 8 and 6 have no input and are dangling.
     */
    @Test
    void prune_defaults_keepsHandDerivedNodesAndEdges() {
        GraphPruner.PruneResult r = GraphPruner.prune(smallGraph(), N, logitWeight(), roles(), 0.8, 0.98);
        assertEquals(bits(1, 3, 9, 10, 11), r.nodes());
        assertEquals(edges(11, 1, 11, 3, 3, 1, 1, 9, 1, 10), r.edges());
    }

    /** At edge threshold 0.8 the cut is 3/16: edges 3←{1,6} drop, so 3 loses its input and goes too. */
    @Test
    void prune_edgeThreshold08_dropsRowThree() {
        GraphPruner.PruneResult r = GraphPruner.prune(smallGraph(), N, logitWeight(), roles(), 0.8, 0.8);
        assertEquals(bits(1, 9, 10, 11), r.nodes());
        assertEquals(edges(11, 1, 1, 9, 1, 10), r.edges());
    }

    @Test
    void cumulativeScores_rankByInfluence_tiesByIndex() {
        double[] scores = GraphPruner.cumulativeScores(new double[] {0.1, 0.4, 0.1, 0.4});
        assertArrayEquals(new double[] {0.9, 0.4, 1.0, 0.8}, scores, 1e-12);
    }

    /** Threshold 1.0 must not fall into the zero scores (the later upstream regression test). */
    @Test
    void findThreshold_tauOne_smallestNonzero() {
        assertEquals(0.1, GraphPruner.findThreshold(new double[] {0, 0.7, 0.2, 0.1, 0, 0}, 1.0), 0);
        assertEquals(0, GraphPruner.findThreshold(new double[] {0, 0}, 0.5), 0);
        assertEquals(0.7, GraphPruner.findThreshold(new double[] {0, 0.7, 0.2, 0.1}, 0.7), 0);
        assertThrows(IllegalArgumentException.class, () -> GraphPruner.findThreshold(new double[] {1}, 1.5));
    }

    /**
     * Replacement and completeness by hand: logit 3 ← feature 0 (weight 3) and error 1 (weight 1); feature 0 ← token 2
     * (weight 2). Influence: feature 3/4, error 1/4, token 3/4. Replacement 3/4 / (3/4 + 1/4) = 0.75. Completeness:
     * logit row non-error 3/4 weighted 1, feature row 1 weighted 3/4, the rest weight 1/4 + 3/4 with fraction 1:
     * (0.75 + 0.75 + 0.25 + 0.75) / (1 + 0.75 + 0.25 + 0.75).
     */
    @Test
    void scores_handGraph_matchHandValues() {
        float[] a = new float[16];
        a[3 * 4 + 0] = 3;
        a[3 * 4 + 1] = -1;
        a[0 * 4 + 2] = 2;
        double[] w = {0, 0, 0, 1};
        Role[] roles = {Role.FEATURE, Role.ERROR, Role.TOKEN, Role.LOGIT};
        GraphPruner.GraphScores s = GraphPruner.scores(a, 4, w, roles);
        assertEquals(0.75, s.replacement(), 1e-12);
        assertEquals(2.5 / 2.75, s.completeness(), 1e-12);
        assertEquals(s, GraphPruner.pruneAndScore(a, 4, w, roles, 0.8, 0.98).scores());
        assertEquals(List.of(0.75, 0.25, 0.75), List.of(
                GraphPruner.influence(GraphPruner.normalise(a, 4), 4, w)[0],
                GraphPruner.influence(GraphPruner.normalise(a, 4), 4, w)[1],
                GraphPruner.influence(GraphPruner.normalise(a, 4), 4, w)[2]));
    }

    private static BitSet bits(int... v) {
        BitSet b = new BitSet();
        for (int i : v) b.set(i);
        return b;
    }
}
