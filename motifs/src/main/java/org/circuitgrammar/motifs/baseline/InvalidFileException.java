package org.circuitgrammar.motifs.baseline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A baseline or rules file that cannot be read. {@link #getMessage()} is one line: {@code FILE: [$.json.path: ]reason}.
 */
public final class InvalidFileException extends IOException {
    public InvalidFileException(Path file, String location, String reason, Throwable cause) {
        super(file + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + reason, cause);
    }
}
