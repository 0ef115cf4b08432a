package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;

/** The three MotifCounter families against label-level brute force and hand-made graphs. */
class MotifFamilyTest {
    private final SignedMotifCensus signed = new SignedMotifCensus();
    private final PositionSplitCensus position = new PositionSplitCensus();
    private final TriadCensus triad = new TriadCensus();

    @Property(tries = 200)
    void signedAndPosition_anyDigraph_equalBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 13) int n,
                                                      @ForAll @DoubleRange(min = 0.0, max = 0.9) double p) {
        SignedDigraph g = RandomDigraphs.any(seed, n, p, 3);
        assertArrayEquals(LabelledBruteForce.count(g, signed.labels()), signed.count(g));
        assertArrayEquals(LabelledBruteForce.count(g, position.labels()), position.count(g));
    }

    @Property(tries = 200)
    void signedAndPosition_layeredDag_equalBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 16) int n,
                                                      @ForAll @DoubleRange(min = 0.0, max = 1.0) double p) {
        SignedDigraph g = RandomDigraphs.layeredDag(seed, n, p, 4, 3);
        assertArrayEquals(LabelledBruteForce.count(g, signed.labels()), signed.count(g));
        assertArrayEquals(LabelledBruteForce.count(g, position.labels()), position.count(g));
    }

    @Test
    void signed_eachFflSignPattern_landsOnItsManganAlonType() {
        // (X→Y, Y→Z, X→Z) signs in label order C1..C4, I1..I4
        double[][] signs = {{1, 1, 1}, {-1, 1, -1}, {1, -1, -1}, {-1, -1, 1},
            {1, -1, 1}, {-1, -1, -1}, {1, 1, -1}, {-1, 1, 1}};
        for (int type = 0; type < 8; type++) {
            SignedDigraph g = SignedDigraph.fromEdges(new int[] {0, 1, 2}, new int[3], new int[] {0, 1, 0},
                    new int[] {1, 2, 2}, signs[type], 3);
            long[] expected = new long[signed.labels().size()];
            expected[type] = 1;
            assertArrayEquals(expected, signed.count(g), signed.labels().get(type));
        }
    }

    @Test
    void signed_zeroWeight_countsAsPositive() {
        SignedDigraph g = SignedDigraph.fromEdges(new int[3], new int[3], new int[] {0, 1}, new int[] {1, 2},
                new double[] {0.0, -0.0}, 2);
        assertEquals(1, signed.count(g)[signed.labels().indexOf("chain++")]);
    }

    @Test
    void position_fflWithOneAttentionEdge_labelledByEdgeOrder() {
        // X=0 at position 0, Y=1 at position 0, Z=2 at position 1: X→Y residual, Y→Z and X→Z attention
        SignedDigraph g = SignedDigraph.fromEdges(new int[] {0, 1, 2}, new int[] {0, 0, 1}, new int[] {0, 1, 0},
                new int[] {1, 2, 2}, new double[] {1, 1, 1}, 3);
        long[] c = position.count(g);
        assertEquals(1, c[position.labels().indexOf("ffl-raa")]);
        assertEquals(1, c[position.labels().indexOf("edges-r")]);
        assertEquals(2, c[position.labels().indexOf("edges-a")]);
    }

    @Test
    void labels_stableNamesAndSizes() {
        assertEquals(List.of("003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201",
                "120D", "120U", "120C", "210", "300"), triad.labels());
        assertEquals(18, signed.labels().size());
        assertEquals(List.of("ffl-rrr", "ffl-rra", "ffl-rar", "ffl-raa", "ffl-arr", "ffl-ara", "ffl-aar",
                "ffl-aaa", "edges-r", "edges-a"), position.labels());
        assertEquals(List.of("triad", "signed", "position"), List.of(triad.family(), signed.family(),
                position.family()));
    }
}
