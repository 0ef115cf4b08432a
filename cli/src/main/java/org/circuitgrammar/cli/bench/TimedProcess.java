package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times a {@code cgram} command as a whole process: a fresh JVM on this JVM's class path and flags (so the launcher's
 * class-data archive and GC choice apply), JVM start, class loading and JIT warm-up included.
 */
final class TimedProcess {
    private TimedProcess() {
    }

    /**
     * Runs {@code cgram args…} and returns its wall time in seconds. Its output goes to {@code log}.
     *
     * @throws IOException if it does not finish in 30 minutes or exits non-zero (the message carries its output)
     */
    static double seconds(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CgramCommand.class.getName()));
        command.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("the timed process did not finish in 30 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException("the timed process exited with " + p.exitValue() + ": "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
        return seconds;
    }
}
