package org.circuitgrammar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram grammar}: reference grammars of graph sets and regression checks against them. */
@Command(name = "grammar", mixinStandardHelpOptions = true,
        description = "Structural-grammar baselines of graph sets and CI regression checks against them "
                + "(docs/grammar.md).",
        subcommands = {GrammarBaselineCommand.class, GrammarCheckCommand.class})
public final class GrammarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
