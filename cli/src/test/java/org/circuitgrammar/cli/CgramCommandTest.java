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
    void unknownOption_isAUsageError() {
        assertEquals(2, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
