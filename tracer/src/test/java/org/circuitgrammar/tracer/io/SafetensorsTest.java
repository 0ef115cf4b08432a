package org.circuitgrammar.tracer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.circuitgrammar.corpus.AtomicWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safetensors reading (against a file written by a Python script) and round trips in every dtype. */
class SafetensorsTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/safetensors/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void read_pythonWrittenFixture_valuesAndMetadataAsPythonDecodedThem() throws IOException {
        SafetensorsFile file = SafetensorsReader.read(resource("mixed.safetensors"));
        JsonNode expected = new ObjectMapper().readTree(resource("mixed.expected.json").toFile());
        assertEquals(List.of("a.f32", "b.f16", "c.bf16"), List.copyOf(file.names()));
        assertEquals(Map.of("format", "pt", "made_by", "scripts/make_safetensors_fixture.py"), file.metadata());
        assertArrayEquals(new int[] {2, 3}, file.tensor("a.f32").shape());
        assertArrayEquals(new int[] {3, 2}, file.tensor("c.bf16").shape());
        assertEquals(TensorDType.F16, file.storedType("b.f16"));
        for (String name : file.names()) {
            FloatTensor t = file.tensor(name);
            for (int i = 0; i < t.size(); i++) {
                String text = expected.get(name).get(i).asText();
                float value = text.equals("inf") ? Float.POSITIVE_INFINITY : (float) Double.parseDouble(text);
                assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(t.get(i)), name + "[" + i + "] = " + text);
            }
        }
    }

    private static FloatTensor random(SplittableRandom r, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * 3);
        return new FloatTensor(shape, v);
    }

    @Test
    void write_thenRead_everyDtype_valuesAsRoundedAndMetadataKept() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        FloatTensor a = random(r, 3, 4);
        FloatTensor b = random(r, 7);
        FloatTensor c = random(r, 2, 2, 5);
        FloatTensor empty = new FloatTensor(new int[] {0, 4}, new float[0]);
        Path path = dir.resolve("out.safetensors");
        new SafetensorsWriter().metadata("format", "pt").metadata("note", "ünïcode")
                .add("a", a, TensorDType.F32).add("b", b, TensorDType.F16).add("c", c, TensorDType.BF16)
                .add("empty", empty, TensorDType.F32).write(path);
        SafetensorsFile read = SafetensorsReader.read(path);
        assertEquals(a, read.tensor("a"));
        assertEquals(empty, read.tensor("empty"));
        for (int i = 0; i < b.size(); i++) {
            assertEquals(TensorDType.f16ToFloat(TensorDType.floatToF16(b.get(i))), read.tensor("b").get(i), 0f);
        }
        for (int i = 0; i < c.size(); i++) {
            assertEquals(TensorDType.bf16ToFloat(TensorDType.floatToBf16(c.get(i))), read.tensor("c").get(i), 0f);
        }
        assertEquals(Map.of("format", "pt", "note", "ünïcode"), read.metadata());
        assertEquals(TensorDType.BF16, read.storedType("c"));
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(path), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        assertEquals(8 + headerLength + 12 * 4 + 7 * 2 + 20 * 2, Files.size(path));
        // a second write of what was read gives the same bytes
        Path again = dir.resolve("again.safetensors");
        new SafetensorsWriter().addAll(read).write(again);
        assertArrayEquals(Files.readAllBytes(path), Files.readAllBytes(again));
    }

    private Path withHeader(String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void read_unsupportedDtype_namesJsonPath() throws IOException {
        Path p = withHeader("{\"x\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(p));
        assertEquals(p + ": $.x.dtype: unsupported dtype 'F64' (F32, F16, BF16, I64, I32, I16, I8 and U8 are read)",
                e.getMessage());
    }

    @Test
    void read_shapeDisagreesWithRange_namesJsonPath() throws IOException {
        Path p = withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(p));
        assertEquals("$.x.data_offsets", e.location());
    }

    @Test
    void read_rangePastEnd_namesJsonPath() throws IOException {
        Path p = withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(p));
        assertTrue(e.getMessage().startsWith(p + ": $.x.data_offsets: [0, 16] outside the 8 data bytes"), e.getMessage());
    }

    @Test
    void read_overlappingRanges_rejected() throws IOException {
        Path p = withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(p));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void read_truncatedOrGarbage_oneLineError() throws IOException {
        Path shortFile = dir.resolve("short.safetensors");
        Files.write(shortFile, new byte[] {1, 2, 3});
        assertEquals(shortFile + ": byte 0: too short for a safetensors header",
                assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(shortFile)).getMessage());
        Path huge = withHeader("{}", 0);
        byte[] bytes = Files.readAllBytes(huge);
        bytes[0] = 100; // header length past the end of the file
        Files.write(huge, bytes);
        assertTrue(assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(huge)).getMessage()
                .contains("header length 100 does not fit"));
        Path notJson = withHeader("{\"x\": [", 0);
        assertEquals("header", assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(notJson)).location());
    }

    @Test
    void write_failure_leavesNoPartialFile() throws IOException {
        Path target = dir.resolve("t.safetensors");
        FloatTensor t = new FloatTensor(new int[] {2}, new float[] {1, 2});
        new SafetensorsWriter().add("t", t, TensorDType.F32).write(target);
        byte[] before = Files.readAllBytes(target);
        assertThrows(IOException.class, () -> AtomicWrite.write(target, out -> {
            out.write(new byte[] {9, 9, 9});
            throw new IOException("disk full");
        }));
        assertArrayEquals(before, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary file left behind");
        }
    }

    /** A file with integer tensors, laid out byte by byte here (not by our writer), as torch saves a TopK {@code k}. */
    private Path integerFile(long kValue) throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"k\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"idx\":{\"dtype\":\"I32\",\"shape\":[3],\"data_offsets\":[16,28]},"
                + "\"mask\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[28,30]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 30).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).putFloat(1.5f).putFloat(-2f).putLong(kValue).putInt(-7).putInt(0).putInt(123456)
                .put((byte) 200).put((byte) 1);
        Path file = dir.resolve("ints.safetensors");
        Files.write(file, b.array());
        return file;
    }

    @Test
    void read_integerTensors_readAsExactFloats() throws IOException {
        SafetensorsFile file = SafetensorsReader.read(integerFile(30));
        assertArrayEquals(new float[] {1.5f, -2f}, file.tensor("w").toArray());
        assertEquals(30f, file.tensor("k").get(0));
        assertEquals(0, file.tensor("k").rank());
        assertEquals(TensorDType.I64, file.storedType("k"));
        assertArrayEquals(new float[] {-7f, 0f, 123456f}, file.tensor("idx").toArray());
        assertArrayEquals(new float[] {200f, 1f}, file.tensor("mask").toArray());
    }

    @Test
    void read_integerBeyondFloatPrecision_errorNamesTensor() throws IOException {
        Path file = integerFile((1L << 24) + 1);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> SafetensorsReader.read(file));
        assertTrue(e.getMessage().contains("$.k"), e.getMessage());
    }

    @Test
    void write_integerTensors_roundTripAndRejectNonIntegers() throws IOException {
        Path file = dir.resolve("w.safetensors");
        new SafetensorsWriter().add("k", new FloatTensor(new int[0], new float[] {30f}), TensorDType.I64)
                .add("b", new FloatTensor(new int[] {2}, new float[] {-128f, 127f}), TensorDType.I8).write(file);
        SafetensorsFile back = SafetensorsReader.read(file);
        assertEquals(30f, back.tensor("k").get(0));
        assertEquals(TensorDType.I64, back.storedType("k"));
        assertArrayEquals(new float[] {-128f, 127f}, back.tensor("b").toArray());
        assertThrows(IllegalArgumentException.class, () -> new SafetensorsWriter()
                .add("k", new FloatTensor(new int[0], new float[] {2.5f}), TensorDType.I64));
        assertThrows(IllegalArgumentException.class, () -> new SafetensorsWriter()
                .add("u", new FloatTensor(new int[0], new float[] {256f}), TensorDType.U8));
    }
}
