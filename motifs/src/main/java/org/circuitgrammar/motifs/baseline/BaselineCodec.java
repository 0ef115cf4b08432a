package org.circuitgrammar.motifs.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.JsonLocation;

/**
 * Reads and writes grammar baselines ({@code grammar.json}, format {@value GrammarBaseline#FORMAT_VERSION}) and
 * writes check reports as JSON. The encoding is that of census results ({@link CensusResultCodec#mapper()}: null
 * models, families and profiles by their persisted ids, non-finite numbers as {@code null} and read back as NaN, also
 * inside lists such as the per-graph profiles), so the census settings
 * inside a baseline read as they do in a result file. What is written reads back as an equal baseline.
 */
public final class BaselineCodec {
    private static final ObjectMapper MAPPER = buildMapper();

    private BaselineCodec() {
    }

    /** Reads a baseline; any problem is one line naming the file and the JSON path. */
    public static GrammarBaseline read(Path file) throws InvalidFileException {
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new InvalidFileException(file, JsonLocation.of(e), "cannot read: " + JsonLocation.reason(e), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("formatVersion").canConvertToInt()) {
            throw new InvalidFileException(file, "$.formatVersion", "missing: not a grammar baseline", null);
        }
        int version = tree.get("formatVersion").asInt();
        if (version != GrammarBaseline.FORMAT_VERSION) {
            throw new InvalidFileException(file, "$.formatVersion", "grammar baseline format " + version
                    + " is not read by this version (format " + GrammarBaseline.FORMAT_VERSION
                    + "); rebuild it with cgram grammar baseline", null);
        }
        try {
            return MAPPER.treeToValue(tree, GrammarBaseline.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidFileException(file, JsonLocation.of(e), JsonLocation.reason(e), e);
        }
    }

    /** Writes {@code baseline} to {@code file} through a temp file and an atomic move. */
    public static void write(Path file, GrammarBaseline baseline) throws IOException {
        AtomicWrite.write(file, out -> MAPPER.writeValue(out, baseline));
    }

    /** A check report as JSON text (UTF-8). */
    public static byte[] reportBytes(CheckReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new IllegalStateException("a check report always serialises", e);
        }
    }

    private static ObjectMapper buildMapper() {
        ObjectMapper mapper = CensusResultCodec.mapper().copy();
        mapper.registerSubtypes(new NamedType(BaselineSpec.class, BaselineSpec.STEP));
        SimpleModule module = new SimpleModule("grammar-baseline");
        module.addSerializer(Rule.class, new JsonSerializer<>() {
            @Override
            public void serialize(Rule rule, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(rule.id());
            }
        });
        mapper.registerModule(module);
        return mapper;
    }
}
