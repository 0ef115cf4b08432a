package org.circuitgrammar.corpus.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;

/**
 * Writes an {@link AttributionGraph} as Neuronpedia graph JSON with Jackson's streaming {@link JsonGenerator}.
 * O(n + m) time; nothing but the graph is held in memory.
 *
 * <p>What {@link GraphReader} read comes back: every unknown metadata, node and top-level field is written
 * verbatim, so read → write → read gives an {@code equals} graph. To satisfy the schema
 * ({@code shared/schema/graph-schema.json}) the writer always emits {@code qParams} (the default saved state
 * when the graph has none), {@code feature} ({@code null} when absent), {@code clerp} ({@code ""} when absent),
 * a {@code feature_type} derived from the node kind when absent, and a circuit-tracer style {@code jsNodeId}
 * when the node has none (the reader fills the same two in, so read graphs round-trip exactly). Non-finite numbers are written as {@code null} (influence, activation) or left out
 * (token_prob); JSON has no NaN.
 *
 * <p>{@link #pinnedIds} and {@link #supernodes} replace {@code qParams.pinnedIds}/{@code qParams.supernodes} on
 * output, e.g. to highlight motif instances in Neuronpedia. Instances are immutable and thread-safe.
 */
public final class GraphWriter {
    /** A named group of nodes in {@code qParams.supernodes}, written as {@code ["label", id1, id2, …]}. */
    public record Supernode(String label, List<String> nodeIds) {
        public Supernode {
            Objects.requireNonNull(label, "label");
            nodeIds = List.copyOf(nodeIds);
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final String DEFAULT_QPARAMS =
            "{\"pinnedIds\":[],\"supernodes\":[],\"linkType\":\"both\",\"clickedId\":\"\",\"sg_pos\":\"\"}";

    private final List<String> pinnedIds;
    private final List<Supernode> supernodes;

    /** A writer that keeps the graph's own {@code qParams}. */
    public GraphWriter() {
        this(null, null);
    }

    private GraphWriter(List<String> pinnedIds, List<Supernode> supernodes) {
        this.pinnedIds = pinnedIds;
        this.supernodes = supernodes;
    }

    /** A writer that writes these node ids as {@code qParams.pinnedIds}. */
    public GraphWriter pinnedIds(List<String> ids) {
        return new GraphWriter(List.copyOf(ids), supernodes);
    }

    /** A writer that writes these groups as {@code qParams.supernodes}. */
    public GraphWriter supernodes(List<Supernode> groups) {
        return new GraphWriter(pinnedIds, List.copyOf(groups));
    }

    /** Writes to {@code target} atomically (temp file in the same directory, then a move). */
    public void write(AttributionGraph graph, Path target) throws IOException {
        AtomicWrite.write(target, out -> write(graph, out));
    }

    /** Writes UTF-8 JSON to a stream; does not close it. */
    public void write(AttributionGraph graph, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            writeMetadata(graph.metadata(), g);
            writeQParams(graph.metadata().extra().get("$.qParams"), g);
            writeNodes(graph, g);
            writeLinks(graph, g);
            for (Map.Entry<String, String> e : graph.metadata().extra().entrySet()) {
                String key = e.getKey();
                if (key.startsWith("$.") && !key.startsWith("$.metadata.") && !key.equals("$.qParams")) {
                    g.writeFieldName(key.substring(2));
                    g.writeRawValue(e.getValue());
                }
            }
            g.writeEndObject();
        }
    }

    private static void writeMetadata(GraphMetadata m, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("metadata");
        if (m.slug() != null) {
            g.writeStringField("slug", m.slug());
        }
        if (m.scan() != null) {
            g.writeStringField("scan", m.scan());
        }
        g.writeArrayFieldStart("prompt_tokens");
        for (String t : m.promptTokens()) {
            g.writeString(t);
        }
        g.writeEndArray();
        if (m.prompt() != null) {
            g.writeStringField("prompt", m.prompt());
        }
        for (Map.Entry<String, String> e : m.extra().entrySet()) {
            if (e.getKey().startsWith("$.metadata.")) {
                g.writeFieldName(e.getKey().substring("$.metadata.".length()));
                g.writeRawValue(e.getValue());
            }
        }
        g.writeEndObject();
    }

    private void writeQParams(String stored, JsonGenerator g) throws IOException {
        if (pinnedIds == null && supernodes == null) {
            g.writeFieldName("qParams");
            g.writeRawValue(stored == null ? DEFAULT_QPARAMS : stored);
            return;
        }
        ObjectNode q = (ObjectNode) MAPPER.readTree(stored == null ? DEFAULT_QPARAMS : stored);
        if (pinnedIds != null) {
            ArrayNode pins = q.putArray("pinnedIds");
            pinnedIds.forEach(pins::add);
        }
        if (supernodes != null) {
            ArrayNode groups = q.putArray("supernodes");
            for (Supernode s : supernodes) {
                ArrayNode group = groups.addArray().add(s.label());
                s.nodeIds().forEach(group::add);
            }
        }
        g.writeFieldName("qParams");
        MAPPER.writeTree(g, q);
    }

    private static void writeNodes(AttributionGraph graph, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("nodes");
        for (int v = 0; v < graph.nodeCount(); v++) {
            NodeKind kind = graph.kind(v);
            g.writeStartObject();
            g.writeStringField("node_id", graph.nodeId(v));
            g.writeFieldName("feature");
            if (graph.feature(v) == Long.MIN_VALUE) {
                g.writeNull();
            } else {
                g.writeNumber(graph.feature(v));
            }
            g.writeStringField("layer", kind == NodeKind.EMBEDDING && graph.layer(v) == -1 ? "E"
                    : Integer.toString(graph.layer(v)));
            g.writeNumberField("ctx_idx", graph.position(v));
            String type = graph.featureType(v);
            g.writeStringField("feature_type", type != null ? type : defaultFeatureType(kind));
            if (Double.isFinite(graph.tokenProb(v))) {
                g.writeNumberField("token_prob", graph.tokenProb(v));
            }
            g.writeBooleanField("is_target_logit", graph.isTargetLogit(v));
            String extra = graph.nodeExtra(v);
            if (extra != null && extra.length() > 2) {
                // the extras are a compact JSON object: splice its members into this node object
                g.writeRaw(',');
                g.writeRaw(extra, 1, extra.length() - 2);
            }
            if (extra == null || !hasTopLevelField(extra, "jsNodeId")) {
                g.writeStringField("jsNodeId", jsNodeId(kind, graph.nodeId(v), graph.layer(v), graph.position(v),
                        graph.feature(v), graph.featureIndex(v)));
            }
            g.writeStringField("clerp", graph.label(v) == null ? "" : graph.label(v));
            writeNullable(g, "influence", graph.influence(v));
            writeNullable(g, "activation", graph.activation(v));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeLinks(AttributionGraph graph, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("links");
        for (int e = 0; e < graph.edgeCount(); e++) {
            g.writeStartObject();
            g.writeStringField("source", graph.nodeId(graph.edgeSource(e)));
            g.writeStringField("target", graph.nodeId(graph.edgeTarget(e)));
            g.writeNumberField("weight", graph.edgeWeight(e));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeNullable(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    private static String defaultFeatureType(NodeKind kind) {
        return switch (kind) {
            case EMBEDDING -> "embedding";
            case FEATURE -> "cross layer transcoder";
            case ERROR -> "mlp reconstruction error";
            case LOGIT -> "logit";
        };
    }

    /** circuit-tracer's jsNodeId styles: {@code E_<tok>-<pos>}, {@code L_<vocab>-<pos>}, {@code <layer>_<idx>-0}. */
    static String jsNodeId(NodeKind kind, String nodeId, int layer, int position, long feature, long featureIndex) {
        return switch (kind) {
            case EMBEDDING -> "E_" + FeatureIds.middleField(nodeId) + "-" + position;
            case LOGIT -> "L_" + feature + "-" + position;
            case FEATURE -> layer + "_" + featureIndex + "-0";
            case ERROR -> layer + "_-1-" + position;
        };
    }

    static boolean hasTopLevelField(String objectJson, String field) throws IOException {
        try (JsonParser p = FACTORY.createParser(objectJson)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (p.currentName().equals(field)) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
            return false;
        }
    }
}
