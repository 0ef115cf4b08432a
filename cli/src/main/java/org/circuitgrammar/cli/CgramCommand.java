package org.circuitgrammar.cli;

import java.time.Instant;
import java.util.List;
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
            "70:internal error (a bug): the stack trace is printed"})
public final class CgramCommand implements Runnable {
    /**
     * The subcommands, in the order {@code --help} lists them. Registered programmatically rather than in
     * {@code @Command}: picocli builds the model of every registered command up front, about 0.4 s of a cold JVM
     * for all of them, so {@link #main} registers only the one it runs.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
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
            GrammarCommand.class);

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

    /** The command line with every subcommand and the project's exit-code conventions, for tests. */
    public static CommandLine newCommandLine() {
        return newCommandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that one is registered
     * (usage, parsing and exit codes of the run are the same); otherwise (no arguments, an option, {@code help})
     * every subcommand, so the root usage lists them all.
     */
    static CommandLine newCommandLineFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0])) {
                    return newCommandLine(List.of(c));
                }
            }
        }
        return newCommandLine(SUBCOMMANDS);
    }

    private static CommandLine newCommandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new CgramCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        return withExitCodes(cl);
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
        System.exit(newCommandLineFor(args).execute(args));
    }
}
