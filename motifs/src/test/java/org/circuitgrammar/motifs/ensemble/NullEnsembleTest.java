package org.circuitgrammar.motifs.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.nulls.TestGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NullEnsembleTest {
    private static final SignedDigraph DAG = TestGraphs.layeredDag(21, 6, 8, 4, 160, 0.3);
    private static final byte[] SHA = {1, 2, 3, 4};
    private static final List<MotifCounter> COUNTERS = List.of(new BruteForceTriads("triad-test"));

    @ParameterizedTest
    @EnumSource(NullKind.class)
    void run_anyThreadCount_identicalResult(NullKind kind) {
        for (Profile profile : Profile.values()) {
            EnsembleSpec spec = EnsembleSpec.of(kind, 40, 7L, profile);
            EnsembleResult one = NullEnsemble.run(DAG, SHA, spec, COUNTERS, 1, done -> { });
            EnsembleResult three = NullEnsemble.run(DAG, SHA, spec, COUNTERS, 3, done -> { });
            assertEquals(one, three, kind + " " + profile);
            assertEquals(40, one.families().get(0).sampleCount());
        }
    }

    @Test
    void run_rootSeedOrGraphShaChanges_samplesChange() {
        EnsembleSpec spec = EnsembleSpec.of(NullKind.LPC, 20, 7L, Profile.DEFAULT);
        EnsembleSpec otherSeed = EnsembleSpec.of(NullKind.LPC, 20, 8L, Profile.DEFAULT);
        FamilyCounts base = NullEnsemble.run(DAG, SHA, spec, COUNTERS, 2, d -> { }).families().get(0);
        FamilyCounts bySeed = NullEnsemble.run(DAG, SHA, otherSeed, COUNTERS, 2, d -> { }).families().get(0);
        FamilyCounts bySha = NullEnsemble.run(DAG, new byte[] {9}, spec, COUNTERS, 2, d -> { }).families().get(0);
        assertNotEquals(base, bySeed);
        assertNotEquals(base, bySha);
    }

    /**
     * Under LPC every degree sum is fixed and no sample has a mutual edge or a 3-cycle, so 021D + 030T, 021U + 030T and
     * 021C + 030T are the same in every sample as in the observed graph (performance.md, the DAG identity), while
     * 030T itself varies.
     */
    @Test
    void run_lpc_dagIdentityHoldsInEverySample() {
        EnsembleResult r = NullEnsemble.run(DAG, SHA, EnsembleSpec.of(NullKind.LPC, 60, 1L, Profile.DEFAULT),
                COUNTERS, 2, d -> { });
        FamilyCounts f = r.families().get(0);
        long varying = 0;
        for (int i = 0; i < f.sampleCount(); i++) {
            assertEquals(f.observed(0), f.sample(i, 0), "edges");
            assertEquals(0, f.sample(i, 1), "mutual pairs");
            assertEquals(0, f.sample(i, 6), "3-cycles");
            for (int wedge = 2; wedge <= 4; wedge++) {
                assertEquals(f.observed(wedge) + f.observed(5), f.sample(i, wedge) + f.sample(i, 5));
            }
            varying += f.sample(i, 5) != f.observed(5) ? 1 : 0;
        }
        assertTrue(varying > 0, "the FFL count never moved");
        assertTrue(r.acceptanceRate() > 0 && r.acceptanceRate() < 1);
    }

    /** The diagnostics watch the counted 030T class when there is one, else their own kernel: both must agree. */
    @Test
    void run_diagnostics_sameFromCountedFamilyAndFromKernel() {
        EnsembleSpec spec = EnsembleSpec.of(NullKind.LPC_SIGN, 48, 3L, Profile.DEFAULT);
        MotifCounter withoutFfl = new MotifCounter() {
            @Override
            public String family() {
                return "edges";
            }

            @Override
            public List<String> labels() {
                return List.of("edges");
            }

            @Override
            public long[] count(SignedDigraph g) {
                return new long[] {g.edgeCount()};
            }
        };
        MixingDiagnostics counted = NullEnsemble.run(DAG, SHA, spec, COUNTERS, 2, d -> { }).diagnostics();
        MixingDiagnostics kernel = NullEnsemble.run(DAG, SHA, spec, List.of(withoutFfl), 2, d -> { }).diagnostics();
        assertEquals("triad-test/030T", counted.statistic());
        assertEquals("transitive triples", kernel.statistic());
        assertEquals(counted.lag1Autocorrelation(), kernel.lag1Autocorrelation(), 0.0);
        assertEquals(counted.zFirstHalf(), kernel.zFirstHalf(), 0.0);
        assertEquals(counted.zSecondHalf(), kernel.zSecondHalf(), 0.0);
        assertEquals(NullEnsemble.DEFAULT_CHAINS, counted.chains());
        assertEquals(NullEnsemble.BURN_IN_SWEEPS, counted.burnInSweeps());
        assertTrue(Double.isNaN(kernel.maxHalfZDifference()), "edge count never varies: no finite Z");
        assertTrue(counted.maxHalfZDifference() >= 0);
    }

    @Test
    void run_progress_reportsEverySampleOnce() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        NullEnsemble.run(DAG, SHA, EnsembleSpec.of(NullKind.CONFIG, 33, 1L, Profile.DEFAULT), COUNTERS, 2, seen::add);
        Collections.sort(seen);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void run_schedules_followProfileAndSampler() {
        MixingDiagnostics compat = NullEnsemble.run(DAG, SHA,
                EnsembleSpec.of(NullKind.LPC, 12, 1L, Profile.CIRCUIT_MOTIFS), COUNTERS, 2, d -> { }).diagnostics();
        assertEquals(12, compat.chains());
        assertEquals(0.0, compat.burnInSweeps());
        assertEquals(EnsembleSpec.CIRCUIT_MOTIFS_SWEEPS, compat.sweepsPerSample());
        assertTrue(Double.isNaN(compat.lag1Autocorrelation()), "fresh chains have no lag");
        EnsembleResult er = NullEnsemble.run(DAG, SHA, EnsembleSpec.of(NullKind.ER, 12, 1L, Profile.DEFAULT),
                COUNTERS, 2, d -> { });
        assertEquals(12, er.diagnostics().chains());
        assertTrue(Double.isNaN(er.acceptanceRate()), "ER makes no swaps");
    }

    @Test
    void run_emptyGraph_zeroSpreadNoFailure() {
        SignedDigraph empty = SignedDigraph.fromEdges(new int[5], new int[5], new int[0], new int[0], new double[0], 0);
        for (NullKind kind : NullKind.values()) {
            EnsembleResult r = NullEnsemble.run(empty, SHA, EnsembleSpec.of(kind, 5, 1L, Profile.DEFAULT), COUNTERS,
                    2, d -> { });
            assertArrayEquals(new long[7], r.families().get(0).samples()[4], kind.cliName());
            assertTrue(Double.isNaN(r.diagnostics().zFirstHalf()));
        }
    }

    @Test
    void transitiveTriples_randomDigraphs_matchBruteForce() {
        AtomicInteger checked = new AtomicInteger();
        for (long seed = 0; seed < 30; seed++) {
            SignedDigraph g = TestGraphs.randomDigraph(seed, 9, 35);
            long brute = 0;
            for (int a = 0; a < 9; a++) {
                for (int b = 0; b < 9; b++) {
                    for (int c = 0; c < 9; c++) {
                        if (a != b && b != c && a != c && g.hasEdge(a, b) && g.hasEdge(b, c) && g.hasEdge(a, c)) {
                            brute++;
                        }
                    }
                }
            }
            assertEquals(brute, TransitiveTriples.count(g), "seed " + seed);
            checked.addAndGet(brute > 0 ? 1 : 0);
        }
        assertTrue(checked.get() > 20, "most graphs should have triples");
    }
}
