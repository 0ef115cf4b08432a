package org.circuitgrammar.tracer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.corpus.AtomicWrite;

/**
 * Builds and writes a safetensors file. Tensors are written in the order they were added, each in the element type
 * given (F16 and BF16 rounded to nearest even in Java); the header is padded with spaces to a multiple of 8 bytes,
 * as the reference writer does. The file is written atomically ({@link AtomicWrite}).
 *
 * <pre>{@code
 * new SafetensorsWriter().metadata("format", "pt").add("wte.weight", wte, TensorDType.BF16).write(path);
 * }</pre>
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    private final Map<String, TensorDType> types = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** Adds a {@code __metadata__} entry. */
    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /**
     * Adds a tensor.
     *
     * @throws IllegalArgumentException when the name is taken or is {@code __metadata__}, or when an integer type
     *                                  is given a value that is not an integer in its range
     */
    public SafetensorsWriter add(String name, FloatTensor tensor, TensorDType type) {
        if (name.equals("__metadata__") || tensors.containsKey(name)) {
            throw new IllegalArgumentException("tensor name already used or reserved: " + name);
        }
        if (type.isInteger()) {
            long min = switch (type) { case I8 -> Byte.MIN_VALUE; case I16 -> Short.MIN_VALUE; case U8 -> 0;
                default -> -TensorDType.EXACT_INTEGER_LIMIT; };
            long max = switch (type) { case I8 -> Byte.MAX_VALUE; case I16 -> Short.MAX_VALUE; case U8 -> 255;
                default -> TensorDType.EXACT_INTEGER_LIMIT; };
            for (int i = 0; i < tensor.size(); i++) {
                long v = exactInteger(tensor.get(i));
                if (v < min || v > max) {
                    throw new IllegalArgumentException(name + ": value " + v + " does not fit " + type);
                }
            }
        }
        tensors.put(name, tensor);
        types.put(name, type);
        return this;
    }

    /** Adds every tensor of {@code file} in its stored type, and its metadata. */
    public SafetensorsWriter addAll(SafetensorsFile file) {
        for (String name : file.names()) add(name, file.tensor(name), file.storedType(name));
        file.metadata().forEach(this::metadata);
        return this;
    }

    /** Writes the file atomically. */
    public void write(Path target) throws IOException {
        byte[] header = headerBytes();
        AtomicWrite.write(target, out -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            out.write(length.array());
            out.write(header);
            for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
                writeValues(out, e.getValue(), types.get(e.getKey()));
            }
        });
    }

    private byte[] headerBytes() throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
            FloatTensor t = e.getValue();
            TensorDType type = types.get(e.getKey());
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", type.name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.shape()) shape.add(d);
            long bytes = (long) t.size() * type.bytes();
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) out[i] = ' ';
        return out;
    }

    /** An integral float within the exact range, as a long. */
    private static long exactInteger(float v) {
        if (v != Math.rint(v) || Math.abs(v) > TensorDType.EXACT_INTEGER_LIMIT) {
            throw new IllegalArgumentException("value " + v + " is not an exact integer for an integer tensor");
        }
        return (long) v;
    }

    private static void writeValues(OutputStream out, FloatTensor tensor, TensorDType type) throws IOException {
        int chunk = 1 << 14;
        ByteBuffer buffer = ByteBuffer.allocate(chunk * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < tensor.size(); start += chunk) {
            buffer.clear();
            int end = Math.min(tensor.size(), start + chunk);
            for (int i = start; i < end; i++) {
                float v = tensor.get(i);
                switch (type) {
                    case F32 -> buffer.putFloat(v);
                    case F16 -> buffer.putShort(TensorDType.floatToF16(v));
                    case BF16 -> buffer.putShort(TensorDType.floatToBf16(v));
                    case I64 -> buffer.putLong(exactInteger(v));
                    case I32 -> buffer.putInt((int) exactInteger(v));
                    case I16 -> buffer.putShort((short) exactInteger(v));
                    case I8, U8 -> buffer.put((byte) exactInteger(v));
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }
}
