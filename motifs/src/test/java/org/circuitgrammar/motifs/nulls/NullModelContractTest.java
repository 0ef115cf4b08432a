package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.circuitgrammar.motifs.RandomCases;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every null model promises: its own invariants on every sample, simple graphs, seeded reproducibility. */
class NullModelContractTest {

    record Variant(String name, Function<SignedDigraph, NullModel> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        Stream<Variant> er = Stream.of(new Variant("er shuffled", g -> new ErdosRenyiNull(g, SignMode.SHUFFLED)),
                new Variant("er bernoulli", g -> new ErdosRenyiNull(g, SignMode.BERNOULLI)));
        return Stream.concat(er, Stream.of(NullRules.values()).flatMap(rules -> Stream.of(
                new Variant("config " + rules, g -> new ConfigurationSwapNull(g, rules)),
                new Variant("lp-er shuffled " + rules, g -> new LayerPairErNull(g, SignMode.SHUFFLED, rules)),
                new Variant("lp-er bernoulli " + rules, g -> new LayerPairErNull(g, SignMode.BERNOULLI, rules)),
                new Variant("lpc " + rules, g -> LayerPairSwapNull.lpc(g, rules)),
                new Variant("lpc-shuffle exact " + rules,
                        g -> LayerPairSwapNull.signShuffle(g, SignMode.SHUFFLED, rules)),
                new Variant("lpc-shuffle bernoulli " + rules,
                        g -> LayerPairSwapNull.signShuffle(g, SignMode.BERNOULLI, rules)),
                new Variant("lpc-sign preserved " + rules,
                        g -> LayerPairSwapNull.signPreserving(g, SignMode.PRESERVED, rules)),
                new Variant("lpc-sign carried " + rules,
                        g -> LayerPairSwapNull.signPreserving(g, SignMode.CARRIED, rules)),
                new Variant("lpc-position " + rules, g -> LayerPairSwapNull.positionAware(g, rules)))));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void samples_layeredDag_keepInvariantsAndMove(Variant variant) {
        SignedDigraph g = TestGraphs.layeredDag(7, 6, 12, 5, 300, 0.25);
        NullModel model = variant.make.apply(g);
        NullSampler sampler = model.newSampler(new SplittableRandom(11));
        assertEquals(TestGraphs.edgeList(g), TestGraphs.edgeList(sampler.current()), "a sampler starts observed");
        for (int i = 0; i < 20; i++) {
            sampler.advance(1.0);
            SignedDigraph sample = sampler.current();
            assertEquals(List.of(), model.invariantViolations(sample), variant + " sample " + i);
            assertEquals(g.edgeCount(), sample.edgeCount(), "no edge lost to a duplicate or self-loop");
            assertEquals(0, sample.droppedSelfLoops());
            assertEquals(0, sample.mergedParallelEdges());
            assertNotEquals(TestGraphs.edgeList(g), TestGraphs.edgeList(sample), "the null must move");
        }
        if (model.isMarkovChain()) {
            assertTrue(sampler.accepted() > 0 && sampler.accepted() <= sampler.trials());
            // a sweep is about m trials (blocks of one edge make none)
            assertTrue(sampler.trials() <= 20L * g.edgeCount() + 20L * 100 && sampler.trials() > 10L * g.edgeCount(),
                    "trials " + sampler.trials());
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void samples_sameSeed_identical_otherSeed_different(Variant variant) {
        SignedDigraph g = TestGraphs.layeredDag(3, 5, 10, 4, 200, 0.3);
        NullModel model = variant.make.apply(g);
        NullSampler a = model.newSampler(new SplittableRandom(42));
        NullSampler b = model.newSampler(new SplittableRandom(42));
        NullSampler c = model.newSampler(new SplittableRandom(43));
        for (int i = 0; i < 3; i++) {
            a.advance(2.0);
            b.advance(2.0);
            c.advance(2.0);
        }
        assertEquals(TestGraphs.edgeList(a.current()), TestGraphs.edgeList(b.current()));
        assertEquals(a.accepted(), b.accepted());
        assertNotEquals(TestGraphs.edgeList(a.current()), TestGraphs.edgeList(c.current()));
    }

    /** Random layered DAGs, any seed, any sweep length: the invariants of every null hold. */
    static Stream<Arguments> invariants_randomGraphsAndSeeds_holdCases() {
        return RandomCases.of(3729L, 60,
                r -> Arguments.of(r.nextInt(2, 8), r.nextInt(1, 10), r.nextInt(1, 5), r.nextInt(0, 121),
                        RandomCases.doubleIncludingEnds(r, 0, 1), RandomCases.doubleIncludingEnds(r, 0, 3), r.nextLong()));
    }

    @ParameterizedTest(name = "layers={0}, width={1}, positions={2}, edges={3}, negative={4}, sweeps={5}, seed={6}")
    @MethodSource("invariants_randomGraphsAndSeeds_holdCases")
    void invariants_randomGraphsAndSeeds_hold(int layers, int width, int positions, int edges, double negative,
                                              double sweeps, long seed) {
        SignedDigraph g = TestGraphs.layeredDag(seed, layers, width, positions, edges, negative);
        variants().forEach(v -> {
            NullModel model = v.make.apply(g);
            NullSampler sampler = model.newSampler(new SplittableRandom(seed ^ 0x5DEECE66DL));
            for (int i = 0; i < 3; i++) {
                sampler.advance(sweeps);
                assertEquals(List.of(), model.invariantViolations(sampler.current()), v + " on " + g);
            }
        });
    }

    /** The unlayered nulls on digraphs with mutual pairs and cycles; LPC with every node in one layer. */
    static Stream<Arguments> invariants_unlayeredDigraphs_holdCases() {
        return RandomCases.of(3487L, 40,
                r -> Arguments.of(r.nextInt(2, 13), r.nextInt(0, 61), r.nextLong()));
    }

    @ParameterizedTest(name = "n={0}, edges={1}, seed={2}")
    @MethodSource("invariants_unlayeredDigraphs_holdCases")
    void invariants_unlayeredDigraphs_hold(int n, int edges, long seed) {
        SignedDigraph g = TestGraphs.randomDigraph(seed, n, edges);
        for (NullModel model : List.of(new ErdosRenyiNull(g, SignMode.SHUFFLED),
                new ConfigurationSwapNull(g, NullRules.CAUSAL), LayerPairSwapNull.lpc(g, NullRules.CAUSAL),
                new LayerPairErNull(g, SignMode.SHUFFLED, NullRules.CAUSAL))) {
            NullSampler sampler = model.newSampler(new SplittableRandom(seed));
            for (int i = 0; i < 3; i++) {
                sampler.advance(1.5);
                assertEquals(List.of(), model.invariantViolations(sampler.current()), model.kind() + " on " + g);
            }
        }
    }
}
