package org.circuitgrammar.motifs.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Where in a JSON or YAML document Jackson stopped, as {@code $.a.b[2]} (or a line number): the location part of the
 * one-line errors of every result, baseline and rules file reader.
 */
public final class JsonLocation {
    private JsonLocation() {
    }

    /** The path of {@code e} in the document, or "" when Jackson gives none. */
    public static String of(Exception e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder("$");
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append('.').append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            return "line " + j.getLocation().getLineNr();
        }
        return "";
    }

    /** The first line of the reason Jackson (or a validating constructor beneath it) gives. */
    public static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
        if (text == null) {
            text = root.getClass().getSimpleName();
        }
        return text.lines().findFirst().orElse(text);
    }
}
