package org.circuitgrammar.tracer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model, tokenizer or tensor file that cannot be read. {@link #getMessage()} is one line:
 * {@code FILE: LOCATION: reason}, where the location is a JSON path ({@code $.h.0.attn.c_attn.weight.shape}),
 * a byte offset ({@code byte 28}) or a tensor name; it may be empty.
 */
public class InvalidModelFileException extends IOException {
    private final transient Path file;
    private final String location;
    private final String reason;

    public InvalidModelFileException(Path file, String location, String reason) {
        this(file, location, reason, null);
    }

    public InvalidModelFileException(Path file, String location, String reason, Throwable cause) {
        super(file + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + reason, cause);
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    public Path file() { return file; }

    /** Where in the file: a JSON path, {@code byte N} or a tensor name; may be empty. */
    public String location() { return location; }

    public String reason() { return reason; }
}
