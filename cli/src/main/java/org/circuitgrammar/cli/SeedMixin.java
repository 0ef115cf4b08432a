package org.circuitgrammar.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: the root seed of every random stream of a run. */
public final class SeedMixin {
    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "root seed (default: ${DEFAULT-VALUE})")
    long seed;

    public long seed() {
        return seed;
    }
}
