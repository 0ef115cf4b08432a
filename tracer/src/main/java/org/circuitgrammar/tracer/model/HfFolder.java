package org.circuitgrammar.tracer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.circuitgrammar.tracer.io.SafetensorsFile;
import org.circuitgrammar.tracer.io.SafetensorsReader;

/**
 * A Hugging Face model folder: {@code config.json} and either {@code model.safetensors} or the shards listed by
 * {@code model.safetensors.index.json}. Reads the JSON config and all tensors (widened to float32).
 */
final class HfFolder {
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.safetensors";
    static final String INDEX = "model.safetensors.index.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HfFolder() {}

    static boolean isHfFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    static JsonNode readConfig(Path dir) throws IOException {
        Path file = dir.resolve(CONFIG);
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) throw new InvalidModelFileException(file, "$", "not a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidModelFileException(file, "", "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Every tensor of the folder's safetensors file(s), by name, in file order. */
    static Map<String, FloatTensor> readTensors(Path dir) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        if (Files.isRegularFile(dir.resolve(WEIGHTS))) {
            files.add(dir.resolve(WEIGHTS));
        } else if (Files.isRegularFile(dir.resolve(INDEX))) {
            Path index = dir.resolve(INDEX);
            JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
            if (!map.isObject()) throw new InvalidModelFileException(index, "$.weight_map", "missing or not an object");
            Iterator<JsonNode> shards = map.elements();
            while (shards.hasNext()) files.add(dir.resolve(shards.next().asText()));
        } else {
            throw new NoSuchFileException(dir.resolve(WEIGHTS).toString(), null, "no " + WEIGHTS + " or " + INDEX);
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (Path f : files) {
            SafetensorsFile content = SafetensorsReader.read(f);
            for (String name : content.names()) tensors.put(name, content.tensor(name));
        }
        return tensors;
    }

    /** An int field, or {@code fallback} when absent or null. */
    static int intField(Path file, JsonNode config, String name, Integer fallback) throws InvalidModelFileException {
        JsonNode n = config.get(name);
        if (n == null || n.isNull()) {
            if (fallback == null) throw new InvalidModelFileException(file, "$." + name, "missing");
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new InvalidModelFileException(file, "$." + name, "expected an integer, got " + n);
        }
        return n.asInt();
    }

    /** A number field, or {@code fallback} when absent or null. */
    static float floatField(Path file, JsonNode config, String name, float fallback) throws InvalidModelFileException {
        JsonNode n = config.get(name);
        if (n == null || n.isNull()) return fallback;
        if (!n.isNumber()) throw new InvalidModelFileException(file, "$." + name, "expected a number, got " + n);
        return (float) n.asDouble();
    }
}
