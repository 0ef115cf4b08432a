package org.circuitgrammar.corpus.provenance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Facts about the process that produced a result (Tribuo's run provenance): which build of the tool, from which
 * commit, invoked how, when, on which platform and with how many threads. Java version, OS and architecture are kept
 * because floating-point library results can differ across platforms.
 *
 * @param toolVersion the {@code Implementation-Version} of the jar manifest (the source of {@code cgram --version}),
 *                    or "(development build)" when run from classes
 * @param gitCommit   the commit the tool was built from, or null when unknown
 * @param argv        the command-line arguments
 * @param startedAt   ISO-8601 instant the run started
 */
public record RunInfo(String toolVersion, String gitCommit, List<String> argv, String startedAt, String javaVersion,
                      String os, String arch, int threads) {
    /** The version string used when the manifest has none (classes run from an IDE or {@code target/classes}). */
    public static final String DEVELOPMENT_BUILD = "(development build)";

    public RunInfo {
        Objects.requireNonNull(toolVersion, "toolVersion");
        argv = List.copyOf(argv);
        Instant.parse(startedAt);
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    /**
     * The run of this JVM: the version from the manifest of {@code manifestAnchor}'s package, platform facts from
     * system properties.
     */
    public static RunInfo capture(Class<?> manifestAnchor, String gitCommit, List<String> argv, Instant startedAt,
                                  int threads) {
        String version = manifestAnchor.getPackage().getImplementationVersion();
        return new RunInfo(version == null ? DEVELOPMENT_BUILD : version, gitCommit, argv, startedAt.toString(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                threads);
    }
}
