package org.circuitgrammar.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o OUT}: the folder a command writes its result files into. */
public final class OutputFolderMixin {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "output folder")
    Path output;

    public Path output() {
        return output;
    }
}
