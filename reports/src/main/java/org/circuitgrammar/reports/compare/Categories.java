package org.circuitgrammar.reports.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.circuitgrammar.motifs.result.GraphInfo;

/**
 * Categories of graphs (factual recall, arithmetic, analogy, …), from an explicit mapping and from rules on the
 * prompt. A graph's category is, in this order: the mapping entry of its path as the census recorded it, of its file
 * name, or of its slug; else the category of the first rule whose regular expression is found in its prompt
 * ({@link java.util.regex.Matcher#find()}, so {@code (?i)capital} matches anywhere, case-insensitively); else none.
 * The formats are documented in {@code docs/report.md}:
 * <ul>
 *   <li>CSV with a header {@code graph,category} (graph = path, file name or slug);</li>
 *   <li>JSON {@code {"graphs": {"slug-or-file": "category"}, "rules": [{"category": "…", "prompt": "regex"}]}},
 *       both members optional.</li>
 * </ul>
 *
 * @param mapping graph path, file name or slug → category
 * @param rules   prompt rules in priority order
 */
public record Categories(Map<String, String> mapping, List<Rule> rules) {
    /** No categories: every graph is uncategorised. */
    public static final Categories NONE = new Categories(Map.of(), List.of());

    public Categories {
        mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        rules = List.copyOf(rules);
    }

    /**
     * One prompt rule.
     *
     * @param category the category it assigns
     * @param prompt   found in the prompt
     */
    public record Rule(String category, Pattern prompt) {
        /** Parses {@code CATEGORY=REGEX} as given on the command line. */
        public static Rule parse(String text) throws CategoryFileException {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new CategoryFileException("category rule '" + text + "' is not CATEGORY=REGEX");
            }
            return of(text.substring(0, eq).trim(), text.substring(eq + 1), "category rule '" + text + "'");
        }

        private static Rule of(String category, String regex, String where) throws CategoryFileException {
            if (category.isBlank()) {
                throw new CategoryFileException(where + ": empty category");
            }
            try {
                return new Rule(category, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new CategoryFileException(where + ": bad regular expression: "
                        + e.getDescription());
            }
        }
    }

    /** The category of {@code graph} by the rule order above. */
    public Optional<String> of(GraphInfo graph) {
        for (String key : new String[] {graph.path(), graph.fileName(), graph.slug()}) {
            if (key != null && mapping.containsKey(key)) {
                return Optional.of(mapping.get(key));
            }
        }
        if (graph.prompt() != null) {
            for (Rule r : rules) {
                if (r.prompt().matcher(graph.prompt()).find()) {
                    return Optional.of(r.category());
                }
            }
        }
        return Optional.empty();
    }

    /** These categories with {@code more} rules after the file's own. */
    public Categories withRules(List<Rule> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new Categories(mapping, all);
    }

    /** Reads a mapping file: {@code .csv} or {@code .json} by its name. */
    public static Categories read(Path file) throws CategoryFileException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv")) {
                return readCsv(file);
            }
            if (name.endsWith(".json")) {
                return readJson(file);
            }
        } catch (IOException e) {
            throw new CategoryFileException(file, "", "cannot read: " + e.getMessage());
        }
        throw new CategoryFileException(file, "", "a category file ends in .csv or .json");
    }

    private static Categories readCsv(Path file) throws IOException, CategoryFileException {
        Map<String, String> mapping = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterator<CSVRecord> records;
            try {
                records = format.parse(in).iterator();
            } catch (IllegalArgumentException e) {
                throw new CategoryFileException(file, "line 1", e.getMessage());
            }
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                    throw new CategoryFileException(file, "", "not CSV: " + e.getMessage());
                }
                if (!r.isMapped("graph") || !r.isMapped("category")) {
                    throw new CategoryFileException(file, "line 1", "header must name columns graph,category");
                }
                String graph = r.isSet("graph") ? r.get("graph") : "";
                String category = r.isSet("category") ? r.get("category") : "";
                if (graph.isEmpty() || category.isEmpty()) {
                    throw new CategoryFileException(file, "line " + r.getParser().getCurrentLineNumber(),
                            "empty graph or category");
                }
                mapping.put(graph, category);
            }
        }
        return new Categories(mapping, List.of());
    }

    private static Categories readJson(Path file) throws IOException, CategoryFileException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CategoryFileException(file, "", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CategoryFileException(file, "$", "expected an object with \"graphs\" and/or \"rules\"");
        }
        Iterator<String> fields = root.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!f.equals("graphs") && !f.equals("rules")) {
                throw new CategoryFileException(file, "$." + f, "unknown member (expected graphs, rules)");
            }
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        JsonNode graphs = root.path("graphs");
        if (!graphs.isMissingNode()) {
            if (!graphs.isObject()) {
                throw new CategoryFileException(file, "$.graphs", "expected an object graph → category");
            }
            var it = graphs.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new CategoryFileException(file, "$.graphs." + e.getKey(), "category must be a text");
                }
                mapping.put(e.getKey(), e.getValue().asText());
            }
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isMissingNode()) {
            if (!ruleNodes.isArray()) {
                throw new CategoryFileException(file, "$.rules", "expected an array of {category, prompt}");
            }
            for (int i = 0; i < ruleNodes.size(); i++) {
                JsonNode r = ruleNodes.get(i);
                String at = "$.rules[" + i + "]";
                if (!r.path("category").isTextual() || !r.path("prompt").isTextual()) {
                    throw new CategoryFileException(file, at, "a rule has text members category and prompt");
                }
                try {
                    rules.add(Rule.of(r.get("category").asText(), r.get("prompt").asText(), at));
                } catch (CategoryFileException e) {
                    throw new CategoryFileException(file + ": " + e.getMessage());
                }
            }
        }
        return new Categories(mapping, rules);
    }
}
