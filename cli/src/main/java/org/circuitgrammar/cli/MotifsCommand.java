package org.circuitgrammar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram motifs}: the group of motif commands; prints usage when run alone. */
@Command(name = "motifs",
        description = "Motif tools: list motif instances in a graph.",
        subcommands = {MotifsInstancesCommand.class})
public final class MotifsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
