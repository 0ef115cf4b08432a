package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.circuitgrammar.motifs.RandomCases;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThreeNodeCensusTest {

    static Stream<Arguments> countGeneral_anyDigraph_equalsBruteForceCases() {
        return RandomCases.of(4136L, 300,
                r -> Arguments.of(r.nextLong(), r.nextInt(0, 15), RandomCases.doubleIncludingEnds(r, 0.0, 1.0)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}, p={2}")
    @MethodSource("countGeneral_anyDigraph_equalsBruteForceCases")
    void countGeneral_anyDigraph_equalsBruteForce(long seed, int n, double p) {
        SignedDigraph g = RandomDigraphs.any(seed, n, p, 3);
        assertEquals(BruteForceTriads.count(g), GeneralThreeNodeCensus.count(g));
    }

    static Stream<Arguments> count_layeredDag_bothPathsEqualBruteForceCases() {
        return RandomCases.of(4207L, 300,
                r -> Arguments.of(r.nextLong(), r.nextInt(0, 17), RandomCases.doubleIncludingEnds(r, 0.0, 1.0)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}, p={2}")
    @MethodSource("count_layeredDag_bothPathsEqualBruteForceCases")
    void count_layeredDag_bothPathsEqualBruteForce(long seed, int n, double p) {
        SignedDigraph g = RandomDigraphs.layeredDag(seed, n, p, 5, 4);
        assertTrue(g.isAcyclic());
        ThreeNodeCounts expected = BruteForceTriads.count(g);
        assertEquals(expected, DagThreeNodeCensus.count(g));
        assertEquals(expected, GeneralThreeNodeCensus.count(g));
        assertEquals(expected, ThreeNodeCensus.count(g));
    }

    static Stream<Arguments> countWithoutPositions_denseAndSparseDags_equalsBruteForceCases() {
        // up to 140 nodes: bit rows of one to three words; p up to 1 makes the bitset count the cheaper one
        return RandomCases.of(5120L, 40,
                r -> Arguments.of(r.nextLong(), r.nextInt(0, 141), RandomCases.doubleIncludingEnds(r, 0.0, 1.0)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}, p={2}")
    @MethodSource("countWithoutPositions_denseAndSparseDags_equalsBruteForceCases")
    void countWithoutPositions_denseAndSparseDags_equalsBruteForce(long seed, int n, double p) {
        SignedDigraph g = RandomDigraphs.layeredDag(seed, n, p, 6, 3);
        ThreeNodeCounts expected = BruteForceTriads.count(g, false);
        int[] samePosition = new int[n];
        assertEquals(expected, DagThreeNodeCensus.count(g, samePosition, false, true), "bitsets");
        assertEquals(expected, DagThreeNodeCensus.count(g, samePosition, false, false), "marking");
        assertEquals(expected, GeneralThreeNodeCensus.count(g, samePosition, false), "general");
        assertEquals(expected, ThreeNodeCensus.count(g, false));
    }

    @Test
    void bitsetsPay_onlyOnDenseGraphsWithoutPositions() {
        SignedDigraph dense = RandomDigraphs.layeredDag(7, 100, 0.9, 10, 1);
        SignedDigraph sparse = RandomDigraphs.layeredDag(7, 100, 0.02, 10, 1);
        assertTrue(DagThreeNodeCensus.bitsetsPay(dense, false));
        assertFalse(DagThreeNodeCensus.bitsetsPay(dense, true));
        assertFalse(DagThreeNodeCensus.bitsetsPay(sparse, false));
    }

    @Test
    void positionFamily_refusesCountsWithoutPositions() {
        ThreeNodeCounts blind = ThreeNodeCensus.count(RandomDigraphs.layeredDag(3, 20, 0.5, 4, 3), false);
        assertFalse(blind.positionsSplit());
        assertThrows(IllegalArgumentException.class,
                () -> new PositionSplitCensus().project(blind));
    }

    static Stream<Arguments> count_anyDigraph_splitsSumToTheirTriadClassCases() {
        return RandomCases.of(4459L, 200,
                r -> Arguments.of(r.nextLong(), r.nextInt(3, 31)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}")
    @MethodSource("count_anyDigraph_splitsSumToTheirTriadClassCases")
    void count_anyDigraph_splitsSumToTheirTriadClass(long seed, int n) {
        ThreeNodeCounts c = ThreeNodeCensus.count(RandomDigraphs.any(seed, n, 0.2, 4));
        long ffl = 0;
        long chain = 0;
        long fanOut = 0;
        long fanIn = 0;
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                chain += c.chain(a, b);
                if (a <= b) {
                    fanOut += c.fanOut(a, b);
                    fanIn += c.fanIn(a, b);
                }
                for (int x = 0; x < 4; x++) {
                    ffl += c.ffl(a, b, x);
                }
            }
        }
        assertEquals(c.triad(TriadClass.T030T), ffl);
        assertEquals(c.triad(TriadClass.T021C), chain);
        assertEquals(c.triad(TriadClass.T021D), fanOut);
        assertEquals(c.triad(TriadClass.T021U), fanIn);
        long total = 0;
        for (long t : c.triads()) {
            total += t;
        }
        assertEquals((long) n * (n - 1) * (n - 2) / 6, total);
    }

    @Test
    void count_oneFflPlusIsolatedNode_handCounted() {
        // 0 -> 1 (+, same position), 1 -> 2 (-, cross), 0 -> 2 (+, cross); node 3 isolated
        SignedDigraph g = SignedDigraph.fromEdges(new int[] {0, 1, 2, 0}, new int[] {0, 0, 1, 5},
                new int[] {0, 1, 0}, new int[] {1, 2, 2}, new double[] {1.0, -2.0, 0.0}, 3);
        ThreeNodeCounts c = ThreeNodeCensus.count(g);
        assertEquals(1, c.triad(TriadClass.T030T));
        assertEquals(3, c.triad(TriadClass.T012));      // each edge with node 3
        assertEquals(0, c.triad(TriadClass.T003));
        assertEquals(1, c.ffl(0, ThreeNodeCounts.NEGATIVE | ThreeNodeCounts.CROSS_POSITION,
                ThreeNodeCounts.CROSS_POSITION));
        assertEquals(1, c.edges(0));
        assertEquals(1, c.edges(ThreeNodeCounts.CROSS_POSITION));
        assertEquals(1, c.edges(ThreeNodeCounts.NEGATIVE | ThreeNodeCounts.CROSS_POSITION));
    }

    @Test
    void count_mutualPairInATriangle_handCounted() {
        // 0 <-> 1, 1 -> 2, 2 -> 0, 2 -> 3: {0,1,2} is 120C, {0,1,3} 102, {0,2,3} 021D, {1,2,3} 021C
        SignedDigraph g = SignedDigraph.fromEdges(new int[4], new int[4], new int[] {0, 1, 1, 2, 2},
                new int[] {1, 0, 2, 0, 3}, new double[] {1, 1, 1, 1, 1}, 5);
        assertFalse(g.isAcyclic());
        long[] expected = new long[16];
        expected[TriadClass.T120C.ordinal()] = 1;
        expected[TriadClass.T102.ordinal()] = 1;
        expected[TriadClass.T021D.ordinal()] = 1;
        expected[TriadClass.T021C.ordinal()] = 1;
        assertArrayEquals(expected, ThreeNodeCensus.count(g).triads());
    }

    @Test
    void count_emptyAndTinyGraphs_onlyNullTriads() {
        assertEquals(0, ThreeNodeCensus.count(RandomDigraphs.any(1, 0, 0.5, 1)).triad(TriadClass.T003));
        assertEquals(0, ThreeNodeCensus.count(RandomDigraphs.any(1, 2, 1.0, 1)).triad(TriadClass.T102));
        assertEquals(120, ThreeNodeCensus.count(RandomDigraphs.any(1, 10, 0.0, 1)).triad(TriadClass.T003));
    }
}
