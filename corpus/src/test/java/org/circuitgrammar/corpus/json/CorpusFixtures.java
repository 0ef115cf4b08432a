package org.circuitgrammar.corpus.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rows of {@code fixtures/corpus-counts.json} (made by {@code scripts/corpus_fixtures.py}). */
final class CorpusFixtures {
    private CorpusFixtures() {
    }

    static Stream<JsonNode> rows() {
        try (InputStream in = CorpusFixtures.class.getResourceAsStream("/fixtures/corpus-counts.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(out::add);
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
