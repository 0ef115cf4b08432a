package org.circuitgrammar.reports.compare;

import java.nio.file.Path;

/** A category mapping or rule that cannot be used; the message is one line naming the file and JSON path. */
public final class CategoryFileException extends Exception {
    public CategoryFileException(Path file, String location, String reason) {
        super(file + ": " + (location.isEmpty() ? "" : location + ": ") + reason);
    }

    public CategoryFileException(String message) {
        super(message);
    }
}
