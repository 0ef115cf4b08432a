package org.circuitgrammar.corpus.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;

/** Renders Jackson parsing positions as JSONPath-style locations ({@code $.links[17].target}). */
final class JsonPaths {
    private JsonPaths() {
    }

    /** The path of the value the parser is at (or inside of); {@code $} at the top. */
    static String of(JsonStreamContext context) {
        return of(context.pathAsPointer());
    }

    /** {@code /links/17/target} → {@code $.links[17].target}; numeric segments become indices. */
    static String of(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                sb.append('.').append(p.getMatchingProperty());
            }
        }
        return sb.toString();
    }
}
