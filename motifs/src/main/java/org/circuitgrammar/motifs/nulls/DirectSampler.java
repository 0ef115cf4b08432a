package org.circuitgrammar.motifs.nulls;

import java.util.function.Supplier;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/** A sampler whose every {@link #advance} draws an independent graph; before the first it shows the observed one. */
final class DirectSampler implements NullSampler {
    private final Supplier<SignedDigraph> draw;
    private SignedDigraph current;

    DirectSampler(SignedDigraph observed, Supplier<SignedDigraph> draw) {
        this.current = observed;
        this.draw = draw;
    }

    @Override
    public void advance(double sweeps) {
        current = draw.get();
    }

    @Override
    public SignedDigraph current() {
        return current;
    }

    @Override
    public long trials() {
        return 0;
    }

    @Override
    public long accepted() {
        return 0;
    }
}
