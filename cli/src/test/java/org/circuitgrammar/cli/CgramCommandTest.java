package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CgramCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void noArguments_printsUsageAndSucceeds() {
        assertEquals(0, run());
        assertTrue(out.toString().startsWith("Usage: cgram"), out.toString());
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
    }

    @Test
    void help_listsExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().matches("(?s).*\\n\\s*2\\s+usage or input error.*"), out.toString());
        assertTrue(out.toString().matches("(?s).*\\n\\s*70\\s+internal error.*"), out.toString());
    }

    /** A command with a bug. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void internalError_printsTheStackTraceAndExits70() {
        CommandLine cl = CgramCommand.withExitCodes(new CommandLine(new CgramCommand()).addSubcommand(new Boom()));
        StringWriter trace = new StringWriter();
        cl.setErr(new PrintWriter(trace, true));
        assertEquals(CgramCommand.EXIT_INTERNAL, cl.execute("boom"));
        assertTrue(trace.toString().contains("java.lang.IllegalStateException: a bug"), trace.toString());
        assertTrue(trace.toString().contains("\tat org.circuitgrammar.cli.CgramCommandTest$Boom.run"), trace.toString());
    }

    @Test
    void version_namesTheTool() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("cgram "), out.toString());
    }

    @Test
    void commandLineFor_aSubcommand_registersOnlyIt_andRunsItAsTheFullOne() {
        CommandLine census = CgramCommand.newCommandLineFor(new String[] {"census", "--help"});
        assertEquals(java.util.Set.of("census"), census.getSubcommands().keySet());
        CommandLine full = CgramCommand.newCommandLine();
        assertTrue(full.getSubcommands().keySet().containsAll(java.util.List.of("census", "report", "trace", "help")),
                full.getSubcommands().keySet().toString());
        StringWriter alone = new StringWriter();
        StringWriter withAll = new StringWriter();
        census.setOut(new PrintWriter(alone, true));
        full.setOut(new PrintWriter(withAll, true));
        assertEquals(0, census.execute("census", "--help"));
        assertEquals(0, full.execute("census", "--help"));
        assertEquals(withAll.toString(), alone.toString());
        StringWriter missing = new StringWriter();
        census.setErr(new PrintWriter(missing, true));
        assertEquals(2, census.execute("census"));          // no PATHS and no -o: a usage error, as with all
        assertTrue(missing.toString().contains("Missing required"), missing.toString());
    }

    @Test
    void commandLineFor_noSubcommand_orHelp_registersEveryOne() {
        int all = CgramCommand.newCommandLine().getSubcommands().size();
        assertEquals(all, CgramCommand.newCommandLineFor(new String[0]).getSubcommands().size());
        assertEquals(all, CgramCommand.newCommandLineFor(new String[] {"help", "census"}).getSubcommands().size());
        assertEquals(all, CgramCommand.newCommandLineFor(new String[] {"--version"}).getSubcommands().size());
        assertEquals(all, CgramCommand.newCommandLineFor(new String[] {"no-such-command"}).getSubcommands().size());
    }

    @Test
    void unknownOption_isAUsageError() {
        assertEquals(2, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
