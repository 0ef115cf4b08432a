package org.circuitgrammar.corpus.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.Problem.Severity;

/**
 * Checks a graph file in three steps and reports every {@link Problem} found:
 * <ol>
 *   <li>reading with {@link GraphReader}: a file it rejects (syntax, types, unknown link ends, non-finite
 *       weights, no nodes) gives one {@link Severity#ERROR} and no further checks;</li>
 *   <li>the Neuronpedia JSON Schema (draft-07, bundled as {@code graph-schema.json}) through networknt's
 *       json-schema-validator: one {@link Severity#WARNING} per violation, at most {@link #MAX_SCHEMA_PROBLEMS};</li>
 *   <li>structural rules on the graph read: duplicate node ids, self-loops, links whose source layer is above
 *       the target's (one {@link Severity#WARNING} each).</li>
 * </ol>
 * Time O(file size + n + m); the schema step builds a tree of the file. Thread-safe.
 */
public final class GraphValidator {
    /** Schema violations reported per file before the rest are summarised in one line. */
    public static final int MAX_SCHEMA_PROBLEMS = 50;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = loadSchema();

    private final GraphReader reader = new GraphReader();

    /** The outcome for one file: the graph when it could be read (else null) and every problem found. */
    public record Report(Path file, AttributionGraph graph, List<Problem> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        /** Whether the file could not be read as a graph. */
        public boolean unreadable() {
            return graph == null;
        }
    }

    private static Schema loadSchema() {
        try (InputStream in = GraphValidator.class.getResourceAsStream("graph-schema.json")) {
            // the schema's "$id" is the relative "root": give it an absolute base so it resolves (nothing is fetched)
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(
                    SchemaLocation.of("classpath:org/circuitgrammar/corpus/json/graph-schema.json"),
                    MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled graph-schema.json unreadable", e);
        }
    }

    public Report validate(Path file) {
        AttributionGraph graph;
        try {
            graph = reader.read(file);
        } catch (InvalidGraphException e) {
            String where = e.location() == null || e.location().isEmpty() ? "$" : e.location();
            return new Report(file, null, List.of(new Problem(file, where, e.reason(), Severity.ERROR)));
        }
        List<Problem> problems = new ArrayList<>();
        schemaProblems(file, problems);
        structuralProblems(file, graph, problems);
        return new Report(file, graph, problems);
    }

    /** Schema violations of the parsed file (which the reader has already accepted as JSON). */
    private static void schemaProblems(Path file, List<Problem> out) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            out.add(new Problem(file, "$", "schema check skipped: " + e.getMessage(), Severity.WARNING));
            return;
        }
        List<Error> errors = SCHEMA.validate(tree);
        for (int i = 0; i < Math.min(errors.size(), MAX_SCHEMA_PROBLEMS); i++) {
            Error e = errors.get(i);
            out.add(new Problem(file, JsonPaths.of(JsonPointer.compile(e.getInstanceLocation().toString())),
                    "schema: " + e.getMessage(),
                    Severity.WARNING));
        }
        if (errors.size() > MAX_SCHEMA_PROBLEMS) {
            out.add(new Problem(file, "$", "schema: " + (errors.size() - MAX_SCHEMA_PROBLEMS)
                    + " more violations not listed", Severity.WARNING));
        }
    }

    private static void structuralProblems(Path file, AttributionGraph g, List<Problem> out) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            Integer first = firstIndex.putIfAbsent(g.nodeId(v), v);
            if (first != null) {
                out.add(new Problem(file, "$.nodes[" + v + "].node_id", "duplicate node id \"" + g.nodeId(v)
                        + "\" (also at $.nodes[" + first + "])", Severity.WARNING));
            }
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            int s = g.edgeSource(e);
            int t = g.edgeTarget(e);
            if (s == t) {
                out.add(new Problem(file, "$.links[" + e + "]", "self-loop on \"" + g.nodeId(s) + "\"",
                        Severity.WARNING));
            } else if (g.layer(s) > g.layer(t)) {
                out.add(new Problem(file, "$.links[" + e + "]", "link goes down from layer " + g.layer(s)
                        + " (\"" + g.nodeId(s) + "\") to layer " + g.layer(t) + " (\"" + g.nodeId(t) + "\")",
                        Severity.WARNING));
            }
        }
    }
}
