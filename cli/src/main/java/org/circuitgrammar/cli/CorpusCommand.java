package org.circuitgrammar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram corpus}: commands over folders of graph files; prints usage when run alone. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Work with folders of attribution-graph files.",
        subcommands = {CorpusScanCommand.class})
public final class CorpusCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
