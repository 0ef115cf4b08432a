package org.circuitgrammar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram transcoders}: the group of transcoder commands; prints its usage when run alone. */
@Command(name = "transcoders",
        description = "Train and inspect transcoders (per-layer and cross-layer).",
        subcommands = {TranscodersTrainCommand.class})
public final class TranscodersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
