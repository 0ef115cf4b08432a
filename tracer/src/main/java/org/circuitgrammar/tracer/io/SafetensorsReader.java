package org.circuitgrammar.tracer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors file: an 8-byte little-endian header length, a JSON header mapping each tensor name to
 * {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header) plus an optional
 * {@code __metadata__} string map, then the raw little-endian data.
 *
 * <p>Contract: F32, F16 and BF16 tensors are read and widened to float32 in Java; the integer types of
 * {@link TensorDType} are read as floats when exact (magnitude at most 2<sup>24</sup>); any other dtype (BOOL, F64,
 * U64, …), an integer too large for a float, a shape whose
 * element count disagrees with its byte range, overlapping ranges or a range outside the file is an
 * {@link InvalidModelFileException} naming the file and the JSON path. Cost: one pass over the file, O(bytes).
 */
public final class SafetensorsReader {
    /** Headers above this size are treated as corrupt (the reference implementation's limit is 100 MB). */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {}

    /** Reads every tensor of {@code file}. */
    public static SafetensorsFile read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < 8) throw new InvalidModelFileException(file, "byte 0", "too short for a safetensors header");
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > fileSize) {
                throw new InvalidModelFileException(file, "byte 0",
                        "header length " + headerLength + " does not fit a file of " + fileSize + " bytes");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new InvalidModelFileException(file, "header", "not JSON: " + e.getOriginalMessage(), e);
            }
            if (header == null || !header.isObject()) {
                throw new InvalidModelFileException(file, "$", "header is not a JSON object");
            }
            long dataStart = 8 + headerLength;
            return readTensors(file, channel, header, dataStart, fileSize - dataStart);
        }
    }

    private static SafetensorsFile readTensors(Path file, FileChannel channel, JsonNode header, long dataStart,
                                               long dataBytes) throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        Map<String, TensorDType> types = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            String name = field.getKey();
            String path = "$." + name;
            if (name.equals("__metadata__")) {
                readMetadata(file, field.getValue(), metadata);
                continue;
            }
            JsonNode entry = field.getValue();
            if (!entry.isObject()) throw new InvalidModelFileException(file, path, "not an object");
            TensorDType type = TensorDType.fromHeader(entry.path("dtype").asText(""));
            if (type == null) {
                throw new InvalidModelFileException(file, path + ".dtype",
                        "unsupported dtype '" + entry.path("dtype").asText("") + "' (F32, F16, BF16, I64, I32, I16, I8 and"
                                + " U8 are read)");
            }
            int[] shape = readShape(file, entry.get("shape"), path + ".shape");
            JsonNode offsets = entry.get("data_offsets");
            if (offsets == null || !offsets.isArray() || offsets.size() != 2
                    || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
                throw new InvalidModelFileException(file, path + ".data_offsets", "expected [begin, end]");
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            long count = 1;
            for (int d : shape) count *= d;
            if (begin < 0 || end < begin || end > dataBytes) {
                throw new InvalidModelFileException(file, path + ".data_offsets",
                        "[" + begin + ", " + end + "] outside the " + dataBytes + " data bytes");
            }
            if (end - begin != count * type.bytes()) {
                throw new InvalidModelFileException(file, path + ".data_offsets", "byte range of " + (end - begin)
                        + " does not hold " + count + " " + type + " elements");
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new InvalidModelFileException(file, path + ".shape", "more elements than a Java array holds");
            }
            ranges.add(new long[] {begin, end});
            float[] values;
            try {
                values = readValues(channel, dataStart + begin, (int) count, type);
            } catch (ArithmeticException e) {
                throw new InvalidModelFileException(file, path, e.getMessage());
            }
            tensors.put(name, FloatTensor.wrap(shape, values));
            types.put(name, type);
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
                throw new InvalidModelFileException(file, "$", "tensor byte ranges overlap at data byte " + ranges.get(i)[0]);
            }
        }
        return new SafetensorsFile(tensors, types, metadata);
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> into) throws IOException {
        if (!node.isObject()) throw new InvalidModelFileException(file, "$.__metadata__", "not an object");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new InvalidModelFileException(file, "$.__metadata__." + e.getKey(), "metadata values are strings");
            }
            into.put(e.getKey(), e.getValue().asText());
        }
    }

    private static int[] readShape(Path file, JsonNode node, String path) throws IOException {
        if (node == null || !node.isArray()) throw new InvalidModelFileException(file, path, "expected an array");
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                throw new InvalidModelFileException(file, path + "[" + i + "]", "expected a non-negative int");
            }
            shape[i] = d.asInt();
        }
        return shape;
    }

    private static float[] readValues(FileChannel channel, long position, int count, TensorDType type)
            throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(count * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, bytes, position);
        bytes.flip();
        float[] values = new float[count];
        switch (type) {
            case F32 -> bytes.asFloatBuffer().get(values);
            case F16 -> {
                for (int i = 0; i < count; i++) values[i] = TensorDType.f16ToFloat(bytes.getShort());
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) values[i] = TensorDType.bf16ToFloat(bytes.getShort());
            }
            case I64 -> {
                for (int i = 0; i < count; i++) values[i] = exactFloat(bytes.getLong());
            }
            case I32 -> {
                for (int i = 0; i < count; i++) values[i] = exactFloat(bytes.getInt());
            }
            case I16 -> {
                for (int i = 0; i < count; i++) values[i] = bytes.getShort();
            }
            case I8 -> {
                for (int i = 0; i < count; i++) values[i] = bytes.get();
            }
            case U8 -> {
                for (int i = 0; i < count; i++) values[i] = bytes.get() & 0xff;
            }
        }
        return values;
    }

    /** {@code value} as a float, or an ArithmeticException when float32 cannot hold it exactly. */
    private static float exactFloat(long value) {
        if (Math.abs(value) > TensorDType.EXACT_INTEGER_LIMIT) {
            throw new ArithmeticException("integer " + value + " is too large to read exactly as a float");
        }
        return value;
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) throw new IOException("unexpected end of file at byte " + at);
            at += n;
        }
    }
}
