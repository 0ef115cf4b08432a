package org.circuitgrammar.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: worker threads; results never depend on it. */
public final class ThreadsMixin {
    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads (default: every core); results do not depend on it")
    Integer threads;

    /** The thread count asked for, or every core. */
    public int threads() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1: " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
