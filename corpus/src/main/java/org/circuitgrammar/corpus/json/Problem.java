package org.circuitgrammar.corpus.json;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a graph file.
 *
 * @param file     the file
 * @param path     where: a JSON path ({@code $.links[17].target}), {@code $} for the whole file
 * @param message  what, in one line
 * @param severity {@link Severity#ERROR}: the file cannot be read as a graph; {@link Severity#WARNING}: it can,
 *                 but breaks the schema or a structural rule
 */
public record Problem(Path file, String path, String message, Severity severity) {
    /** How bad a problem is. */
    public enum Severity {
        /** The file cannot be read as a graph. */
        ERROR,
        /** The file reads, but breaks the schema or a structural rule (duplicate ids, self-loops, …). */
        WARNING
    }

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** {@code FILE: $.path: message}, with {@code warning: } before the message for warnings. */
    public String toLine() {
        return file + ": " + path + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
