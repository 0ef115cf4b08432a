package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.junit.jupiter.params.ParameterizedTest;
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
        return Stream.of(
                new Variant("er shuffled", g -> new ErdosRenyiNull(g, SignMode.SHUFFLED)),
                new Variant("er bernoulli", g -> new ErdosRenyiNull(g, SignMode.BERNOULLI)),
                new Variant("config", ConfigurationSwapNull::new),
                new Variant("lp-er shuffled", g -> new LayerPairErNull(g, SignMode.SHUFFLED)),
                new Variant("lp-er bernoulli", g -> new LayerPairErNull(g, SignMode.BERNOULLI)),
                new Variant("lpc", LayerPairSwapNull::lpc),
                new Variant("lpc-shuffle exact", g -> LayerPairSwapNull.signShuffle(g, SignMode.SHUFFLED)),
                new Variant("lpc-shuffle bernoulli", g -> LayerPairSwapNull.signShuffle(g, SignMode.BERNOULLI)),
                new Variant("lpc-sign preserved", g -> LayerPairSwapNull.signPreserving(g, SignMode.PRESERVED)),
                new Variant("lpc-sign carried", g -> LayerPairSwapNull.signPreserving(g, SignMode.CARRIED)),
                new Variant("lpc-position", LayerPairSwapNull::positionAware));
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

    /** jqwik: any layered DAG, any seed, any sweep length: the invariants of every null hold. */
    @Property(tries = 60)
    void invariants_randomGraphsAndSeeds_hold(@ForAll @IntRange(min = 2, max = 7) int layers,
                                              @ForAll @IntRange(min = 1, max = 9) int width,
                                              @ForAll @IntRange(min = 1, max = 4) int positions,
                                              @ForAll @IntRange(min = 0, max = 120) int edges,
                                              @ForAll @DoubleRange(min = 0, max = 1) double negative,
                                              @ForAll @DoubleRange(min = 0, max = 3) double sweeps,
                                              @ForAll long seed) {
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
    @Property(tries = 40)
    void invariants_unlayeredDigraphs_hold(@ForAll @IntRange(min = 2, max = 12) int n,
                                           @ForAll @IntRange(min = 0, max = 60) int edges,
                                           @ForAll long seed) {
        SignedDigraph g = TestGraphs.randomDigraph(seed, n, edges);
        for (NullModel model : List.of(new ErdosRenyiNull(g, SignMode.SHUFFLED), new ConfigurationSwapNull(g),
                LayerPairSwapNull.lpc(g), new LayerPairErNull(g, SignMode.SHUFFLED))) {
            NullSampler sampler = model.newSampler(new SplittableRandom(seed));
            for (int i = 0; i < 3; i++) {
                sampler.advance(1.5);
                assertEquals(List.of(), model.invariantViolations(sampler.current()), model.kind() + " on " + g);
            }
        }
    }
}
