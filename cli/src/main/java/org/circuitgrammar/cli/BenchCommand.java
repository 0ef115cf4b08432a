package org.circuitgrammar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram bench}: speed measurements (never run in CI); prints usage when run alone. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure how fast cgram's parts run on this machine.",
        subcommands = {BenchLoadCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
