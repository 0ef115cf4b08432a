package org.circuitgrammar.corpus.provenance;

import java.util.Objects;

/**
 * The randomness of a run: the root seed the user gave (or the default) and how it was split into the streams the
 * run consumed, in words precise enough to replay it, e.g. "one SplittableRandom per (graph SHA-256, null, sample
 * index), derived from the root seed".
 */
public record SeedInfo(long rootSeed, String splitting) {
    public SeedInfo {
        Objects.requireNonNull(splitting, "splitting");
    }
}
