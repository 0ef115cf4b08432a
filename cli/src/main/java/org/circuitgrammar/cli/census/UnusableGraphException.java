package org.circuitgrammar.cli.census;

/** A graph the census cannot use (unreadable, malformed or degenerate); the message is one line naming the file. */
public final class UnusableGraphException extends Exception {
    public UnusableGraphException(String message) {
        super(message);
    }

    public UnusableGraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
