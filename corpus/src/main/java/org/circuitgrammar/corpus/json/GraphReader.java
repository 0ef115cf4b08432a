package org.circuitgrammar.corpus.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * Reads attribution-graph JSON (Neuronpedia / circuit-tracer format and every variant in
 * {@code shared/corpus/MANIFEST.md}) with one streaming pass of Jackson's {@link JsonParser}; no tree of the file
 * is built. Time O(file size + m) for m links, memory O(n + m) plus the unknown fields kept verbatim.
 *
 * <p>Accepted: string or integer layers ({@code "E"}/{@code -1} for embeddings, logits wherever the file puts
 * them), every {@code feature} encoding ({@link FeatureIds}), every error-id style (the node's own {@code layer}
 * and {@code ctx_idx} fields are used, never the id), lorsa node types, self-loops, zero weights, degenerate
 * graphs, unknown fields (kept in {@link GraphMetadata#extra()} and {@link AttributionGraph#nodeExtra}), missing
 * {@code qParams}/{@code scan}, missing {@code clerp} (read as {@code ""}) and {@code jsNodeId} (filled in as the
 * writer would, with a note), top-level keys in any order, and duplicate node ids (all nodes kept, links
 * attributed by {@link DuplicateIdResolver}, a note added).
 *
 * <p>Rejected with an {@link InvalidGraphException} whose message is one line {@code FILE: $.json.path: reason}:
 * syntax errors, empty input, a non-object top level, a missing or empty {@code nodes} array, a missing
 * {@code links} array, wrong value types, a link to an unknown node id, and non-finite numbers.
 * Instances are stateless and thread-safe.
 */
public final class GraphReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final String DEFAULT_QPARAMS =
            "{\"pinnedIds\":[],\"supernodes\":[],\"linkType\":\"both\",\"clickedId\":\"\",\"sg_pos\":\"\"}";

    /** Reads a graph file. IO failures are reported as {@link InvalidGraphException}s too. */
    public AttributionGraph read(Path file) throws InvalidGraphException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (IOException e) {
            throw new InvalidGraphException(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a graph from a stream; {@code displayName} names it in error messages. Does not close the stream. */
    public AttributionGraph read(InputStream in, String displayName) throws InvalidGraphException {
        return read(in, Path.of(displayName));
    }

    private AttributionGraph read(InputStream in, Path file) throws InvalidGraphException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return new Parse(p, file).graph();
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new InvalidGraphException(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static InvalidGraphException syntaxError(Path file, JsonProcessingException e) {
        String path = "$";
        if (e.getProcessor() instanceof JsonParser jp) {
            path = JsonPaths.of(jp.getParsingContext());
        }
        String reason = oneLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            reason = "too deeply nested or too long: " + reason;
        }
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            reason = "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " + reason;
        }
        return new InvalidGraphException(file, path, reason, e);
    }

    private static String oneLine(String s) {
        String flat = s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }

    /** Thrown inside a parse; carries the JSON path and reason, turned into an InvalidGraphException outside. */
    private static final class Failure extends RuntimeException {
        final String path;

        Failure(String path, String reason) {
            super(reason, null, false, false);
            this.path = path;
        }
    }

    /** One node as read, before the graph is built (metadata may come after the nodes). */
    private static final class NodeRecord {
        String id;
        NodeKind kind;
        String featureType;
        int layer;
        boolean hasLayer;
        int position = -1;
        long feature = Long.MIN_VALUE;
        String label;
        double activation = Double.NaN;
        double influence = Double.NaN;
        boolean targetLogit;
        double tokenProb = Double.NaN;
        String extra;
        boolean hasJsNodeId;
    }

    /** The state of reading one file. */
    private static final class Parse {
        private final JsonParser p;
        private final Path file;
        private final StringWriter scratch = new StringWriter();

        private String slug;
        private String scan;
        private String prompt;
        private List<String> promptTokens;
        private final Map<String, String> extra = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private final List<NodeRecord> nodes = new ArrayList<>();
        private boolean sawNodes;
        private boolean sawLinks;
        private NodeIdTable idTable;
        /** Per node: whether its id occurs more than once. */
        private boolean[] duplicated;
        private final Map<String, int[]> duplicates = new LinkedHashMap<>();

        private int edgeCount;
        private int[] src = new int[1024];
        private int[] tgt = new int[1024];
        private double[] weights = new double[1024];
        /** Link ends as text, kept only when the links come before the nodes. */
        private List<String> pendingIds;
        private final List<DuplicateIdResolver.AmbiguousLink> ambiguous = new ArrayList<>();
        private final TreeSet<String> droppedLinkFields = new TreeSet<>();

        Parse(JsonParser p, Path file) {
            this.p = p;
            this.file = file;
        }

        AttributionGraph graph() throws IOException, InvalidGraphException {
            try {
                parse();
                return build();
            } catch (Failure f) {
                throw new InvalidGraphException(file, f.path, f.getMessage());
            }
        }

        private void parse() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Failure("$", "empty file");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new Failure("$", "expected a JSON object, found " + describe(t));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "metadata" -> readMetadata();
                    case "qParams" -> readQParams();
                    case "nodes" -> readNodes();
                    case "links" -> readLinks();
                    default -> extra.put("$." + name, copyValue("$." + name));
                }
            }
            if (p.nextToken() != null) {
                throw new Failure("$", "trailing content after the top-level object at line "
                        + p.currentLocation().getLineNr());
            }
            if (!sawNodes) {
                throw new Failure("$", "missing \"nodes\"");
            }
            if (nodes.isEmpty()) {
                throw new Failure("$.nodes", "no nodes");
            }
            if (!sawLinks) {
                throw new Failure("$", "missing \"links\"");
            }
        }

        // ---- metadata and other top-level values

        private void readMetadata() throws IOException {
            expect(JsonToken.START_OBJECT, "$.metadata", "an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String path = "$.metadata." + name;
                p.nextToken();
                switch (name) {
                    case "slug" -> slug = stringOrNull(path);
                    case "scan" -> scan = stringOrNull(path);
                    case "prompt" -> prompt = stringOrNull(path);
                    case "prompt_tokens" -> promptTokens = stringList(path);
                    default -> extra.put(path, copyValue(path));
                }
            }
        }

        private void readQParams() throws IOException {
            expect(JsonToken.START_OBJECT, "$.qParams", "an object");
            String json = copyValue("$.qParams");
            // absent and default qParams are the same saved state; the writer writes the default back
            if (!MAPPER.readTree(json).equals(MAPPER.readTree(DEFAULT_QPARAMS)) && !json.equals("{}")) {
                extra.put("$.qParams", json);
            }
        }

        private List<String> stringList(String path) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(JsonToken.START_ARRAY, path, "an array of strings");
            List<String> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw new Failure(path + "[" + out.size() + "]", "expected a string, found "
                            + describe(p.currentToken()));
                }
                out.add(p.getText());
            }
            return out;
        }

        /** Copies the current value as compact JSON text, rejecting non-finite numbers. */
        private String copyValue(String path) throws IOException {
            scratch.getBuffer().setLength(0);
            try (JsonGenerator g = FACTORY.createGenerator(scratch)) {
                int depth = 0;
                do {
                    JsonToken t = p.currentToken();
                    if (t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
                        throw new Failure(JsonPaths.of(p.getParsingContext()), "non-finite number " + p.getText());
                    }
                    g.copyCurrentEvent(p);
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                    }
                } while (depth > 0 && p.nextToken() != null);
            }
            if (p.currentToken() == null) {
                throw new Failure(path, "unexpected end of input");
            }
            return scratch.toString();
        }

        // ---- nodes

        private void readNodes() throws IOException {
            expect(JsonToken.START_ARRAY, "$.nodes", "an array");
            if (sawNodes) {
                throw new Failure("$.nodes", "\"nodes\" given twice");
            }
            sawNodes = true;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String path = "$.nodes[" + nodes.size() + "]";
                expect(JsonToken.START_OBJECT, path, "an object");
                nodes.add(readNode(path));
            }
            Map<String, Integer> firstIndex = new HashMap<>(nodes.size() * 2);
            List<String> ids = new ArrayList<>(nodes.size());
            duplicated = new boolean[nodes.size()];
            for (int v = 0; v < nodes.size(); v++) {
                String id = nodes.get(v).id;
                ids.add(id);
                Integer first = firstIndex.putIfAbsent(id, v);
                if (first != null) {
                    int[] known = duplicates.getOrDefault(id, new int[] {first});
                    int[] grown = Arrays.copyOf(known, known.length + 1);
                    grown[known.length] = v;
                    duplicates.put(id, grown);
                    duplicated[first] = true;
                    duplicated[v] = true;
                }
            }
            idTable = new NodeIdTable(ids);
            if (pendingIds != null) {
                for (int e = 0; e < edgeCount; e++) {
                    src[e] = resolve(e, "source", pendingIds.get(2 * e));
                    tgt[e] = resolve(e, "target", pendingIds.get(2 * e + 1));
                    checkAmbiguous(e);
                }
                pendingIds = null;
            }
        }

        private NodeRecord readNode(String path) throws IOException {
            NodeRecord n = new NodeRecord();
            JsonGenerator extras = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String at = path + "." + name;
                JsonToken t = p.nextToken();
                switch (name) {
                    case "node_id" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            throw new Failure(at, "expected a string node id, found " + describe(t));
                        }
                        n.id = p.getText();
                    }
                    case "feature_type" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            throw new Failure(at, "expected a string, found " + describe(t));
                        }
                        n.featureType = p.getText();
                    }
                    case "layer" -> {
                        n.layer = layer(at, t);
                        n.hasLayer = true;
                    }
                    case "ctx_idx" -> n.position = intValue(at, t);
                    case "feature" -> n.feature = t == JsonToken.VALUE_NULL ? Long.MIN_VALUE : longValue(at, t);
                    case "clerp" -> n.label = stringOrNull(at);
                    case "jsNodeId" -> {
                        n.hasJsNodeId = true;
                        extras = copyExtra(extras, name, at);
                    }
                    case "activation" -> n.activation = number(at, t);
                    case "influence" -> n.influence = number(at, t);
                    case "token_prob" -> n.tokenProb = number(at, t);
                    case "is_target_logit" -> n.targetLogit = bool(at, t);
                    default -> extras = copyExtra(extras, name, at);
                }
            }
            if (extras != null) {
                extras.writeEndObject();
                extras.flush();
                n.extra = extras.getOutputTarget().toString();
                extras.close();
            }
            if (n.id == null) {
                throw new Failure(path, "missing node_id");
            }
            if (!n.hasLayer) {
                throw new Failure(path, "missing layer");
            }
            if (n.featureType == null) {
                throw new Failure(path, "missing feature_type");
            }
            n.kind = kindOf(n.featureType);
            return n;
        }

        /** Appends the current field to the node's extras object, starting it if needed. */
        private JsonGenerator copyExtra(JsonGenerator extras, String name, String at) throws IOException {
            JsonGenerator g = extras;
            if (g == null) {
                g = FACTORY.createGenerator(new StringWriter());
                g.writeStartObject();
            }
            g.writeFieldName(name);
            g.writeRawValue(copyValue(at));
            return g;
        }

        /** The node kind a {@code feature_type} names; unknown types (lorsa, transcoder variants) are features. */
        private static NodeKind kindOf(String featureType) {
            String t = featureType.toLowerCase(Locale.ROOT);
            if (t.equals("embedding")) {
                return NodeKind.EMBEDDING;
            }
            if (t.equals("logit")) {
                return NodeKind.LOGIT;
            }
            return t.contains("error") ? NodeKind.ERROR : NodeKind.FEATURE;
        }

        private int layer(String at, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().trim();
                if (s.equalsIgnoreCase("E")) {
                    return -1;
                }
                try {
                    return Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new Failure(at, "unparseable layer \"" + s + "\"");
                }
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return intValue(at, t);
            }
            throw new Failure(at, "expected a string or integer layer, found " + describe(t));
        }

        // ---- links

        private void readLinks() throws IOException {
            expect(JsonToken.START_ARRAY, "$.links", "an array");
            if (sawLinks) {
                throw new Failure("$.links", "\"links\" given twice");
            }
            sawLinks = true;
            if (idTable == null) {
                pendingIds = new ArrayList<>();
            }
            // the hot loop of a large file: paths for messages are built only when something is wrong
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    expect(JsonToken.START_OBJECT, linkPath(""), "an object");
                }
                int source = -1;
                int target = -1;
                String sourceText = null;
                String targetText = null;
                double weight = 0;
                boolean hasWeight = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "source" -> {
                            source = linkEnd("source", t);
                            sourceText = idTable == null ? p.getText() : null;
                        }
                        case "target" -> {
                            target = linkEnd("target", t);
                            targetText = idTable == null ? p.getText() : null;
                        }
                        case "weight" -> {
                            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                                throw new Failure(linkPath(".weight"), "expected a number, found " + describe(t));
                            }
                            weight = p.getDoubleValue();
                            if (!Double.isFinite(weight)) {
                                throw new Failure(linkPath(".weight"), "non-finite number " + p.getText());
                            }
                            hasWeight = true;
                        }
                        default -> {
                            droppedLinkFields.add(name);
                            p.skipChildren();
                        }
                    }
                }
                if (source < 0 || target < 0 || !hasWeight) {
                    throw new Failure(linkPath(""), "missing " + (source < 0 ? "source"
                            : target < 0 ? "target" : "weight"));
                }
                addLink(source, target, weight, sourceText, targetText);
            }
        }

        /** The path of the link being read, plus a suffix. */
        private String linkPath(String suffix) {
            return "$.links[" + edgeCount + "]" + suffix;
        }

        /**
         * The node index a link end names (its first occurrence), found without allocating a string; before the
         * nodes are read there is nothing to look up yet and 0 is returned (the caller keeps the text).
         */
        private int linkEnd(String end, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw new Failure(linkPath("." + end), "expected a string node id, found " + describe(t));
            }
            if (idTable == null) {
                return 0;
            }
            int v = idTable.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (v < 0) {
                throw new Failure(linkPath("." + end), "unknown node id \"" + p.getText() + "\"");
            }
            return v;
        }

        private void addLink(int source, int target, double weight, String sourceText, String targetText) {
            if (edgeCount == src.length) {
                int c = edgeCount * 2;
                src = Arrays.copyOf(src, c);
                tgt = Arrays.copyOf(tgt, c);
                weights = Arrays.copyOf(weights, c);
            }
            int e = edgeCount++;
            weights[e] = weight;
            if (idTable == null) {
                pendingIds.add(sourceText);
                pendingIds.add(targetText);
                return;
            }
            src[e] = source;
            tgt[e] = target;
            checkAmbiguous(e);
        }

        /** Marks a link that names a duplicated id for {@link DuplicateIdResolver}. */
        private void checkAmbiguous(int e) {
            boolean dupSource = duplicated[src[e]];
            boolean dupTarget = duplicated[tgt[e]];
            if (dupSource || dupTarget) {
                ambiguous.add(new DuplicateIdResolver.AmbiguousLink(e, dupSource ? nodes.get(src[e]).id : null,
                        dupTarget ? nodes.get(tgt[e]).id : null));
                src[e] = dupSource ? -1 : src[e];
                tgt[e] = dupTarget ? -1 : tgt[e];
            }
        }

        private int resolve(int e, String end, String id) {
            int v = idTable.get(id);
            if (v < 0) {
                throw new Failure("$.links[" + e + "]." + end, "unknown node id \"" + id + "\"");
            }
            return v;
        }

        // ---- building

        private AttributionGraph build() throws IOException {
            int n = nodes.size();
            int[] layers = new int[n];
            for (int v = 0; v < n; v++) {
                layers[v] = nodes.get(v).layer;
            }
            if (!duplicates.isEmpty()) {
                notes.addAll(new DuplicateIdResolver(layers, duplicates).resolve(src, tgt, edgeCount, ambiguous));
            }
            AttributionGraph.Builder b = AttributionGraph.builder(metadata());
            int filledJsNodeIds = 0;
            for (NodeRecord r : nodes) {
                long featureIndex = r.kind == NodeKind.FEATURE ? FeatureIds.decode(r.id, r.layer, r.feature) : -1;
                String extra = r.extra;
                if (!r.hasJsNodeId) {
                    // the schema requires jsNodeId: fill it in as the writer would, so a read graph round-trips
                    String member = "\"jsNodeId\":" + MAPPER.writeValueAsString(GraphWriter.jsNodeId(
                            r.kind, r.id, r.layer, r.position, r.feature, featureIndex));
                    extra = extra == null ? "{" + member + "}" : extra.substring(0, extra.length() - 1) + ","
                            + member + "}";
                    filledJsNodeIds++;
                }
                b.addNode(r.id, r.kind, r.layer, r.position).featureType(r.featureType).feature(r.feature)
                        .featureIndex(featureIndex).label(r.label == null ? "" : r.label).activation(r.activation)
                        .influence(r.influence).targetLogit(r.targetLogit).tokenProb(r.tokenProb).extra(extra);
            }
            if (filledJsNodeIds > 0) {
                notes.add(filledJsNodeIds + " nodes had no jsNodeId; filled in circuit-tracer style");
            }
            for (int e = 0; e < edgeCount; e++) {
                b.addEdge(src[e], tgt[e], weights[e]);
            }
            if (!droppedLinkFields.isEmpty()) {
                notes.add("links carry fields the model does not keep, dropped: " + droppedLinkFields);
            }
            notes.forEach(b::note);
            return b.build();
        }

        private GraphMetadata metadata() throws IOException {
            JsonNode info = tree("$.metadata.info");
            JsonNode details = tree("$.metadata.feature_details");
            String tcName = text(tree("$.metadata.tc_analysis_name"));
            String lorsaName = text(tree("$.metadata.lorsa_analysis_name"));
            List<String> kindSources = new ArrayList<>(MetadataInference.sources(
                    text(info.path("transcoder_kind")), text(info.path("transcoder_set")), text(details.path("neuronpedia_source_set")),
                    text(info.path("neuronpedia_source_set"))));
            for (JsonNode url : info.path("source_urls")) {
                kindSources.addAll(MetadataInference.sources(text(url)));
            }
            kindSources.addAll(MetadataInference.sources(scan, tcName == null ? null : "tc " + tcName));
            TranscoderKind kind = MetadataInference.transcoderKind(kindSources);
            List<String> modelSources = new ArrayList<>(MetadataInference.sources(scan));
            modelSources.addAll(kindSources);
            String model = MetadataInference.model(modelSources, tcName != null ? tcName : lorsaName);
            String scanValue = scan;
            if (scanValue == null && model != null) {
                scanValue = model;
                notes.add("metadata.scan missing; using the model id the file names, \"" + model + "\"");
            }
            return new GraphMetadata(slug, scanValue, model, kind, prompt, promptTokens, extra);
        }

        private JsonNode tree(String key) throws IOException {
            String json = extra.get(key);
            return json == null ? MAPPER.missingNode() : MAPPER.readTree(json);
        }

        private static String text(JsonNode node) {
            return node != null && node.isTextual() ? node.asText() : null;
        }

        // ---- scalar helpers

        private void expect(JsonToken wanted, String path, String what) {
            if (p.currentToken() != wanted) {
                throw new Failure(path, "expected " + what + ", found " + describe(p.currentToken()));
            }
        }

        private String stringOrNull(String at) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.VALUE_STRING) {
                throw new Failure(at, "expected a string, found " + describe(t));
            }
            return p.getText();
        }

        private double number(String at, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return Double.NaN;
            }
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new Failure(at, "expected a number, found " + describe(t));
            }
            double d = p.getDoubleValue();
            if (!Double.isFinite(d)) {
                throw new Failure(at, "non-finite number " + p.getText());
            }
            return d;
        }

        private long longValue(String at, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw new Failure(at, "expected an integer, found " + describe(t));
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new Failure(at, "integer out of range: " + p.getText());
            }
            return p.getLongValue();
        }

        private int intValue(String at, JsonToken t) throws IOException {
            long v = longValue(at, t);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new Failure(at, "integer out of range: " + v);
            }
            return (int) v;
        }

        private static boolean bool(String at, JsonToken t) {
            return switch (t) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE, VALUE_NULL -> false;
                default -> throw new Failure(at, "expected a boolean, found " + describe(t));
            };
        }

        private static String describe(JsonToken t) {
            if (t == null) {
                return "end of input";
            }
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT -> "an integer";
                case VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> t.asString() == null ? t.name() : t.asString();
            };
        }
    }
}
