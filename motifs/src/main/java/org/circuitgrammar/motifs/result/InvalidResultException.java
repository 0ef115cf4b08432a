package org.circuitgrammar.motifs.result;

import java.io.IOException;
import java.nio.file.Path;

/** A census result file that cannot be read. {@link #getMessage()} is one line: {@code FILE: [$.json.path: ]reason}. */
public final class InvalidResultException extends IOException {
    private final transient Path file;

    public InvalidResultException(Path file, String location, String reason, Throwable cause) {
        super(file + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
