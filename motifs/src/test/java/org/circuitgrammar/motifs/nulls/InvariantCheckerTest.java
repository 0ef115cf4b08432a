package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

/** The invariant checkers must catch hand-made samples that break each promise. */
class InvariantCheckerTest {
    // layers: 0,1 at −1; 2,3 at 0; 4,5 at 1. Positions: node v at v % 2.
    private static final int[] LAYER = {-1, -1, 0, 0, 1, 1};
    private static final int[] POSITION = {0, 1, 0, 1, 0, 1};
    private static final SignedDigraph OBSERVED = TestGraphs.of(LAYER, POSITION, 0, 2, 1, 3, 2, 4, 3, 5, 0, 4);

    private static SignedDigraph signed(int[] edges, double[] weights) {
        int m = weights.length;
        int[] src = new int[m];
        int[] dst = new int[m];
        for (int e = 0; e < m; e++) {
            src[e] = edges[2 * e];
            dst[e] = edges[2 * e + 1];
        }
        return SignedDigraph.fromEdges(LAYER, POSITION, src, dst, weights, m);
    }

    @Test
    void lpc_legalSwap_accepted_layerPairChange_flagged() {
        NullModel lpc = LayerPairSwapNull.lpc(OBSERVED, NullRules.ANCHOR);
        // the swap of (0→2, 1→3) into (0→3, 1→2) keeps everything the anchor's LPC promises
        assertEquals(List.of(), lpc.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 3, 1, 2, 2, 4, 3, 5, 0, 4)));
        // moving 0→4 (layers −1→1) to 0→5 keeps degrees per layer: still legal; moving it to 2→4... changes degrees
        List<String> broken = lpc.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 2, 1, 3, 2, 4, 3, 5, 1, 4));
        assertTrue(broken.stream().anyMatch(s -> s.startsWith("out-degree per target layer")), broken.toString());
    }

    /** The same swap makes 1→2 go from position 1 back to position 0: every causal null must flag it. */
    @Test
    void causalNulls_edgeBackInPosition_flagged() {
        SignedDigraph backward = TestGraphs.of(LAYER, POSITION, 0, 3, 1, 2, 2, 4, 3, 5, 0, 4);
        for (NullModel model : List.of(LayerPairSwapNull.lpc(OBSERVED, NullRules.CAUSAL),
                LayerPairSwapNull.positionAware(OBSERVED, NullRules.CAUSAL),
                LayerPairSwapNull.signShuffle(OBSERVED, SignMode.SHUFFLED, NullRules.CAUSAL),
                LayerPairSwapNull.signPreserving(OBSERVED, SignMode.PRESERVED, NullRules.CAUSAL),
                new LayerPairErNull(OBSERVED, SignMode.SHUFFLED, NullRules.CAUSAL))) {
            List<String> broken = model.invariantViolations(backward);
            assertTrue(broken.stream().anyMatch(s -> s.contains("1→2 (position 1 > 0)")), model.kind() + ": " + broken);
        }
    }

    @Test
    void lpc_cycle_flagged() {
        NullModel lpc = LayerPairSwapNull.lpc(OBSERVED, NullRules.CAUSAL);
        List<String> broken = lpc.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 2, 1, 3, 2, 4, 3, 5, 4, 0));
        assertTrue(broken.stream().anyMatch(s -> s.contains("directed cycle")), broken.toString());
    }

    @Test
    void config_degreeChange_flagged_edgeLoss_flagged() {
        NullModel config = new ConfigurationSwapNull(OBSERVED, NullRules.CAUSAL);
        List<String> moved = config.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 2, 1, 3, 2, 4, 3, 5, 0, 5));
        assertTrue(moved.stream().anyMatch(s -> s.startsWith("in-degrees")), moved.toString());
        List<String> lost = config.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 2, 1, 3, 2, 4, 3, 5));
        assertTrue(lost.stream().anyMatch(s -> s.startsWith("edge count")), lost.toString());
    }

    @Test
    void lpcShuffle_blockSignCountChange_flagged() {
        int[] edges = {0, 2, 1, 3, 2, 4, 3, 5};
        SignedDigraph observed = signed(edges, new double[] {1, -1, 1, 1});
        NullModel shuffle = LayerPairSwapNull.signShuffle(observed, SignMode.SHUFFLED, NullRules.CAUSAL);
        assertEquals(List.of(), shuffle.invariantViolations(signed(edges, new double[] {-1, 1, 1, 1})));
        List<String> broken = shuffle.invariantViolations(signed(edges, new double[] {1, 1, 1, 1}));
        assertTrue(broken.stream().anyMatch(s -> s.startsWith("signed weights per block")), broken.toString());
    }

    @Test
    void lpcSign_signTravelsWrongly_flagged() {
        int[] edges = {0, 2, 1, 3, 2, 4, 3, 5};
        SignedDigraph observed = signed(edges, new double[] {1, -1, 1, 1});
        NullModel preserved = LayerPairSwapNull.signPreserving(observed, SignMode.PRESERVED,
                NullRules.CAUSAL);
        // the same topology with the two signs of block (−1, 0) exchanged moves a sign to another source
        List<String> broken = preserved.invariantViolations(signed(edges, new double[] {-1, 1, 1, 1}));
        assertTrue(broken.stream().anyMatch(s -> s.startsWith("signed out-degree")), broken.toString());
    }

    @Test
    void lpcPosition_crossBecomesSame_flagged() {
        NullModel position = LayerPairSwapNull.positionAware(OBSERVED, NullRules.CAUSAL);
        // 0→2 is same-position (0, 0) and 1→3 same-position (1, 1); swapping gives two cross-position edges
        List<String> broken = position.invariantViolations(
                TestGraphs.of(LAYER, POSITION, 0, 3, 1, 2, 2, 4, 3, 5, 0, 4));
        assertTrue(broken.stream().anyMatch(s -> s.contains("same/cross position")), broken.toString());
    }

    @Test
    void layerPairEr_blockCountChange_flagged() {
        NullModel lpEr = new LayerPairErNull(OBSERVED, SignMode.SHUFFLED, NullRules.CAUSAL);
        assertEquals(List.of(), lpEr.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 3, 0, 2, 2, 5, 3, 5, 1, 5)));
        List<String> broken = lpEr.invariantViolations(TestGraphs.of(LAYER, POSITION, 0, 3, 0, 2, 2, 5, 3, 5, 2, 5));
        assertTrue(broken.stream().anyMatch(s -> s.startsWith("edges per layer pair")), broken.toString());
    }
}
