package org.circuitgrammar.corpus.provenance;

import java.util.List;
import java.util.Objects;

/**
 * How a result was made: the run, the fingerprinted inputs, the step's configuration, the seeds, and the provenance
 * of the results it was computed from ({@code seeds} is null for a step without randomness). Every result file the tool writes carries one; Jackson serialises it as
 * nested objects (the {@link StepConfig} as its implementing record's fields plus {@code step}).
 */
public record Provenance(RunInfo run, List<InputRef> inputs, StepConfig config, SeedInfo seeds,
                         List<Provenance> parents) {
    public Provenance {
        Objects.requireNonNull(run, "run");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(config, "config");
        parents = List.copyOf(parents);
    }
}
