package org.circuitgrammar.cli;

import java.time.Instant;
import org.circuitgrammar.cli.bench.BenchCommand;
import org.circuitgrammar.corpus.provenance.RunInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code cgram} root command: prints usage when run without a subcommand. */
@Command(name = "cgram",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = ManifestVersionProvider.class,
        description = "circuit-grammar: the structural grammar of LLM attribution graphs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:a finding (validation problem, grammar regression)",
            "2:usage or input error (bad flags, unreadable or invalid graph file)",
            "70:internal error (a bug): the stack trace is printed"},
        subcommands = {
            CommandLine.HelpCommand.class,
            TranscodersCommand.class,
            ModelCommand.class,
            ValidateCommand.class,
            CorpusCommand.class,
            BenchCommand.class,
            MotifsCommand.class,
            SynthCommand.class,
            CensusCommand.class,
            TraceCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            GrammarCommand.class,
        })
public final class CgramCommand implements Runnable {
    /** Exit code for a finding: the command worked and found something (validation problem, regression). */
    public static final int EXIT_FINDING = 1;
    /** Exit code for bad usage or unreadable input. */
    public static final int EXIT_INPUT = 2;
    /** Exit code for an internal error (a bug; sysexits' EX_SOFTWARE): never 0, 1 or 2, so CI cannot mistake it. */
    public static final int EXIT_INTERNAL = 70;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with the project's exit-code conventions, for {@link #main} and for tests. */
    public static CommandLine newCommandLine() {
        return withExitCodes(new CommandLine(new CgramCommand()));
    }

    /**
     * {@code cl} (and every subcommand it has now) with the exit-code conventions: picocli prints the stack trace of
     * an exception a command lets escape; input and output problems are the user's (2), anything else is a bug (70).
     */
    static CommandLine withExitCodes(CommandLine cl) {
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException
                || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException
                ? EXIT_INPUT : EXIT_INTERNAL);
        return cl;
    }

    /** The run record of a command that writes results: this build, the command line, now, {@code workers}. */
    static RunInfo runInfo(CommandSpec spec, int workers) {
        String commit = System.getProperty("cgram.git.commit", "");
        return RunInfo.capture(CgramCommand.class,
                commit.isBlank() ? null : commit, spec.commandLine().getParseResult().originalArgs(),
                Instant.now(), workers);
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.exit(newCommandLine().execute(args));
    }
}
