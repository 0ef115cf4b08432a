package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

/**
 * How many trials a sweep makes: a block swapped as edges makes sweeps·k, a dense block swapped as holes sweeps·H
 * (H: the empty cells its rule allows), counted by hand on small blocks. That the hole moves sample uniformly from
 * every realisation is {@link NullReachabilityTest}'s business (its dense shapes take this path).
 */
class BlockSwapChainTest {
    private static final int[] TWO_LAYERS_OF_THREE = {0, 0, 0, 1, 1, 1};

    @Test
    void sparseBlock_makesOneTrialPerEdgeAndSweep() {
        // 3 of the 9 cells of one layer pair at one position: H = 6 > k = 3
        SignedDigraph g = TestGraphs.of(TWO_LAYERS_OF_THREE, new int[6], 0, 3, 1, 4, 2, 5);
        assertEquals(30, trialsOf(NullKind.LPC, Profile.DEFAULT, g, 10));
    }

    @Test
    void denseBlock_makesOneTrialPerHoleAndSweep() {
        // 7 of 9 cells: H = 2 < k = 7
        SignedDigraph g = TestGraphs.of(TWO_LAYERS_OF_THREE, new int[6], 0, 3, 0, 4, 0, 5, 1, 3, 1, 4, 2, 4, 2, 5);
        assertEquals(20, trialsOf(NullKind.LPC, Profile.DEFAULT, g, 10));
        // the anchor's chain knows no holes
        assertEquals(70, trialsOf(NullKind.LPC, Profile.CIRCUIT_MOTIFS, g, 10));
    }

    @Test
    void denseBlock_countsOnlyTheCellsItsRuleAllows() {
        // positions: sources 0, 1, 2, targets 0, 1, 2; lpc allows source position <= target position: 6 cells, and
        // 4 edges leave H = 2
        SignedDigraph g = TestGraphs.of(TWO_LAYERS_OF_THREE, new int[] {0, 1, 2, 0, 1, 2}, 0, 3, 0, 4, 1, 4, 2, 5);
        assertEquals(40, trialsOf(NullKind.LPC, Profile.DEFAULT, g, 20));
    }

    @Test
    void denseSameLayerBlock_rotatesHolesToo() {
        // 9 of the 12 non-loop cells of one layer: H = 3, so 4 sweeps make 12 swap and round(12 / 4) = 3 rotation
        // trials
        SignedDigraph g = TestGraphs.of(new int[4], new int[4], 0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 0, 2, 3, 3, 0, 3, 1);
        assertEquals(15, trialsOf(NullKind.LPC, Profile.DEFAULT, g, 4));
    }

    private static long trialsOf(NullKind kind, Profile profile, SignedDigraph g, double sweeps) {
        NullSampler sampler = NullEnsemble.modelFor(kind, g, profile).newSampler(new SplittableRandom(7));
        sampler.advance(sweeps);
        return sampler.trials();
    }
}
