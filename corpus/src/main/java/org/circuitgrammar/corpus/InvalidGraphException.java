package org.circuitgrammar.corpus;

import java.nio.file.Path;

/**
 * A graph file that cannot be read. {@link #getMessage()} is one line: {@code FILE: $.json.path: reason}
 * (or {@code FILE: line N: reason} where no JSON path is known yet).
 */
public class InvalidGraphException extends Exception {
    private final transient Path file;
    private final String location;
    private final String reason;

    public InvalidGraphException(Path file, String location, String reason) {
        this(file, location, reason, null);
    }

    public InvalidGraphException(Path file, String location, String reason, Throwable cause) {
        super(file + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + reason, cause);
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    public Path file() { return file; }

    /** The JSON path ({@code $.links[17].target}) or {@code line N}; may be empty. */
    public String location() { return location; }

    public String reason() { return reason; }
}
