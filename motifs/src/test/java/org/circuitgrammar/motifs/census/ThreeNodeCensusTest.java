package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

class ThreeNodeCensusTest {

    @Property(tries = 300)
    void countGeneral_anyDigraph_equalsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 14) int n,
                                                  @ForAll @DoubleRange(min = 0.0, max = 1.0) double p) {
        SignedDigraph g = RandomDigraphs.any(seed, n, p, 3);
        assertEquals(BruteForceTriads.count(g), ThreeNodeCensus.countGeneral(g));
    }

    @Property(tries = 300)
    void count_layeredDag_bothPathsEqualBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 16) int n,
                                                   @ForAll @DoubleRange(min = 0.0, max = 1.0) double p) {
        SignedDigraph g = RandomDigraphs.layeredDag(seed, n, p, 5, 4);
        assertTrue(g.isAcyclic());
        ThreeNodeCounts expected = BruteForceTriads.count(g);
        assertEquals(expected, ThreeNodeCensus.countDag(g));
        assertEquals(expected, ThreeNodeCensus.countGeneral(g));
        assertEquals(expected, ThreeNodeCensus.count(g));
    }

    @Property(tries = 200)
    void count_anyDigraph_splitsSumToTheirTriadClass(@ForAll long seed, @ForAll @IntRange(min = 3, max = 30) int n) {
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
