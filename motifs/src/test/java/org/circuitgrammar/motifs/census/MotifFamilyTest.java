package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.circuitgrammar.motifs.RandomCases;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three MotifCounter families against label-level brute force and hand-made graphs. */
class MotifFamilyTest {
    private final SignedMotifCensus signed = new SignedMotifCensus();
    private final PositionSplitCensus position = new PositionSplitCensus();
    private final TriadCensus triad = new TriadCensus();

    static Stream<Arguments> signedAndPosition_anyDigraph_equalBruteForceCases() {
        return RandomCases.of(4528L, 200,
                r -> Arguments.of(r.nextLong(), r.nextInt(0, 14), RandomCases.doubleIncludingEnds(r, 0.0, 0.9)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}, p={2}")
    @MethodSource("signedAndPosition_anyDigraph_equalBruteForceCases")
    void signedAndPosition_anyDigraph_equalBruteForce(long seed, int n, double p) {
        SignedDigraph g = RandomDigraphs.any(seed, n, p, 3);
        assertArrayEquals(LabelledBruteForce.count(g, signed.labels()), signed.count(g));
        assertArrayEquals(LabelledBruteForce.count(g, position.labels()), position.count(g));
    }

    static Stream<Arguments> signedAndPosition_layeredDag_equalBruteForceCases() {
        return RandomCases.of(4507L, 200,
                r -> Arguments.of(r.nextLong(), r.nextInt(0, 17), RandomCases.doubleIncludingEnds(r, 0.0, 1.0)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}, p={2}")
    @MethodSource("signedAndPosition_layeredDag_equalBruteForceCases")
    void signedAndPosition_layeredDag_equalBruteForce(long seed, int n, double p) {
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
            expected[signed.labels().indexOf(type < 4 ? "coherent" : "incoherent")] = 1;
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
    void position_fflWithOneCrossEdgePair_labelledByEdgeOrder() {
        // X=0 at position 0, Y=1 at position 0, Z=2 at position 1: X→Y same position, Y→Z and X→Z cross
        SignedDigraph g = SignedDigraph.fromEdges(new int[] {0, 1, 2}, new int[] {0, 0, 1}, new int[] {0, 1, 0},
                new int[] {1, 2, 2}, new double[] {1, 1, 1}, 3);
        assertArrayEquals(new long[] {0, 1, 0, 0}, position.count(g));
    }

    @Test
    void signed_coherentAndIncoherent_sumTheirTypes() {
        // X→Y −, Y→Z −, X→Z +: C4 (coherent); the same with X→Z − is I2
        for (double xz : new double[] {1, -1}) {
            SignedDigraph g = SignedDigraph.fromEdges(new int[] {0, 1, 2}, new int[3], new int[] {0, 1, 0},
                    new int[] {1, 2, 2}, new double[] {-1, -1, xz}, 3);
            long[] c = signed.count(g);
            assertEquals(xz > 0 ? 1 : 0, c[signed.labels().indexOf("coherent")]);
            assertEquals(xz > 0 ? 0 : 1, c[signed.labels().indexOf("incoherent")]);
            assertEquals(1, c[signed.labels().indexOf(xz > 0 ? "C4" : "I2")]);
        }
    }

    @Test
    void labels_stableNamesAndSizes() {
        assertEquals(List.of("003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201",
                "120D", "120U", "120C", "210", "300"), triad.labels());
        assertEquals(20, signed.labels().size());
        assertEquals(List.of("ffl-sss", "ffl-scc", "ffl-csc", "ffl-ccc"), position.labels());
        assertEquals(List.of("triad", "signed", "position"), List.of(triad.family(), signed.family(),
                position.family()));
    }
}
