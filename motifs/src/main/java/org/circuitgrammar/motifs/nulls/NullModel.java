package org.circuitgrammar.motifs.nulls;

import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * A null model of one observed {@link SignedDigraph}: a source of random graphs that keep some of its structure.
 * Implementations are immutable and thread-safe; all randomness comes from the {@link SplittableRandom} handed to
 * {@link #newSampler}, so the same seed gives the same samples.
 */
public interface NullModel {
    /** Which null this is. */
    NullKind kind();

    /** The observed graph the samples are drawn for. */
    SignedDigraph observed();

    /**
     * True if samples come from a Markov chain started at the observed graph (consecutive samples are correlated and
     * the chain needs burn-in); false if every {@link NullSampler#advance} draws an independent graph.
     */
    boolean isMarkovChain();

    /** A new sampler; a chain starts at the observed graph. The sampler takes ownership of {@code rng}. */
    NullSampler newSampler(SplittableRandom rng);

    /**
     * Every way in which {@code sample} breaks this null's invariants (degree sequences, block counts, sign counts,
     * acyclicity where promised, node layers and positions), one line each; empty if it keeps them all.
     */
    List<String> invariantViolations(SignedDigraph sample);
}
