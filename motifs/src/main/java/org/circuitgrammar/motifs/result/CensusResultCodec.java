package org.circuitgrammar.motifs.result;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.corpus.folder.CorpusScanner;
import org.circuitgrammar.corpus.provenance.StepConfig;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * The one reader and writer of census result files ({@code *.census.json}, format {@value CensusResult#FORMAT_VERSION}),
 * for every consumer: the census command, comparisons, reports and grammar checks. What is written reads back as an
 * equal {@link CensusResult}.
 *
 * <p>Encoding rules: a {@link Statistic} is a JSON number when defined and {@code {"undefined": reason}} otherwise;
 * a non-finite double, boxed or not (a moment without samples, a diagnostic that could not be measured, also inside
 * lists and maps) is JSON {@code null} and reads back as NaN; null models, profiles and families are their persisted ids. Files of another format version are
 * refused with a one-line message that says to rerun the census.
 */
public final class CensusResultCodec {
    /** The file name suffix of result files. */
    public static final String SUFFIX = ".census.json";
    private static final ObjectMapper MAPPER = buildMapper();

    private CensusResultCodec() {
    }

    /** The configured mapper (thread-safe; share it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads one result file. */
    public static CensusResult read(Path file) throws InvalidResultException {
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidResultException(file, JsonLocation.of(e), "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidResultException(file, "", "cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidResultException(file, "$", "not a census result (expected a JSON object)", null);
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidResultException(file, "$.formatVersion", "missing: not a census result", null);
        }
        if (version.asInt() != CensusResult.FORMAT_VERSION) {
            throw new InvalidResultException(file, "$.formatVersion", "census result format " + version.asInt()
                    + " is not read by this version (format " + CensusResult.FORMAT_VERSION
                    + "); rerun cgram census on the graphs", null);
        }
        try {
            return MAPPER.treeToValue(tree, CensusResult.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidResultException(file, JsonLocation.of(e), reason.lines().findFirst().orElse(reason), e);
        }
    }

    /** Writes {@code result} to {@code file} through a temp file and an atomic move. */
    public static void write(Path file, CensusResult result) throws IOException {
        AtomicWrite.write(file, out -> MAPPER.writeValue(out, result));
    }

    /** The JSON text of {@code result}, exactly as {@link #write} writes it. */
    public static byte[] bytes(CensusResult result) {
        try {
            return MAPPER.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The result files named by {@code paths}: a file as given, a folder searched recursively for
     * {@code *.census.json} (sorted by path). Throws for a path that does not exist.
     */
    public static List<Path> resultFiles(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            out.addAll(CorpusScanner.files(p, SUFFIX));
        }
        return out;
    }

    /** Step configurations are read back by their {@code step} name. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "step")
    @JsonSubTypes(@JsonSubTypes.Type(value = CensusSpec.class, name = CensusSpec.STEP))
    private interface StepConfigMixin {
    }

    private static ObjectMapper buildMapper() {
        SimpleModule module = new SimpleModule("census-result");
        module.addSerializer(Statistic.class, new StatisticSerializer());
        module.addDeserializer(Statistic.class, new StatisticDeserializer());
        JsonSerializer<Double> finiteOrNull = new FiniteOrNullSerializer();
        module.addSerializer(Double.class, finiteOrNull);
        module.addSerializer(Double.TYPE, finiteOrNull);
        module.addDeserializer(Double.TYPE, new NullAsNaNDeserializer());
        module.addDeserializer(Double.class, new NullAsNaNDeserializer());
        byId(module, NullKind.class, NullKind::cliName, NullKind::parse);
        byId(module, EnsembleSpec.Profile.class, EnsembleSpec.Profile::cliName, EnsembleSpec.Profile::parse);
        byId(module, MotifFamily.class, MotifFamily::id, MotifFamily::parse);
        return JsonMapper.builder()
                .addModule(module)
                .addMixIn(StepConfig.class, StepConfigMixin.class)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static <E> void byId(SimpleModule module, Class<E> type, Function<E, String> id,
                                 Function<String, E> parse) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(id.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return parse.apply(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage(), e);
                }
            }
        });
    }

    private static final class StatisticSerializer extends JsonSerializer<Statistic> {
        @Override
        public void serialize(Statistic s, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (s instanceof Statistic.Defined d) {
                gen.writeNumber(d.value());
            } else {
                gen.writeStartObject();
                gen.writeStringField("undefined", ((Statistic.Undefined) s).reason());
                gen.writeEndObject();
            }
        }
    }

    private static final class StatisticDeserializer extends JsonDeserializer<Statistic> {
        @Override
        public Statistic deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                return Statistic.of(p.getDoubleValue());
            }
            JsonNode node = p.readValueAsTree();
            if (node != null && node.isObject() && node.path("undefined").isTextual()) {
                return Statistic.undefined(node.get("undefined").asText());
            }
            throw JsonMappingException.from(p, "a statistic is a number or {\"undefined\": reason}");
        }
    }

    private static final class FiniteOrNullSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class NullAsNaNDeserializer extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return Double.NaN;
            }
            return p.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
