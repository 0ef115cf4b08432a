package org.circuitgrammar.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram bench}: the benchmark group; prints its usage when run alone. */
@Command(name = "bench",
        description = "Benchmarks on synthetic attribution-shaped graphs, against the Python anchors when installed.",
        subcommands = {BenchCensusCommand.class, BenchLoadCommand.class, BenchQuadCommand.class,
            BenchNullsCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
