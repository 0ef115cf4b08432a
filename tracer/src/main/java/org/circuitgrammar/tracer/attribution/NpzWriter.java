package org.circuitgrammar.tracer.attribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.circuitgrammar.corpus.AtomicWrite;

/**
 * Writes NumPy's {@code .npz}: a zip of {@code .npy} files (format 1.0: magic, a Python-dict header padded to a
 * multiple of 64 bytes, little-endian C-order data). Arrays are {@code float32}, {@code float64} or {@code int32}.
 * The file is written atomically. Entries keep insertion order and carry a fixed timestamp, so equal content gives
 * equal bytes.
 */
public final class NpzWriter {
    private record Entry(String descr, int[] shape, ByteBuffer data) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public NpzWriter add(String name, float[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 4, shape);
        for (float v : values) b.putFloat(v);
        entries.put(name, new Entry("<f4", shape.clone(), b));
        return this;
    }

    public NpzWriter add(String name, double[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 8, shape);
        for (double v : values) b.putDouble(v);
        entries.put(name, new Entry("<f8", shape.clone(), b));
        return this;
    }

    public NpzWriter add(String name, int[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 4, shape);
        for (int v : values) b.putInt(v);
        entries.put(name, new Entry("<i4", shape.clone(), b));
        return this;
    }

    private static ByteBuffer buffer(int length, int elementBytes, int[] shape) {
        long count = 1;
        for (int s : shape) count *= s;
        if (count != length || count * elementBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(length + " values do not fill shape " + java.util.Arrays.toString(shape));
        }
        return ByteBuffer.allocate(length * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public void write(Path target) throws IOException {
        AtomicWrite.write(target, this::write);
    }

    private void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ZipEntry z = new ZipEntry(e.getKey() + ".npy");
            z.setTime(0);
            zip.putNextEntry(z);
            zip.write(header(e.getValue()));
            zip.write(e.getValue().data().array());
            zip.closeEntry();
        }
        zip.finish();
    }

    private static byte[] header(Entry e) {
        String[] dims = java.util.Arrays.stream(e.shape()).mapToObj(Integer::toString).toArray(String[]::new);
        String shape = "(" + String.join(", ", dims) + (dims.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + e.descr() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) body.length).put(body);
        return b.array();
    }
}
