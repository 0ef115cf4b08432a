package org.circuitgrammar.tracer.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;

/**
 * Reads llama2.c checkpoints into {@link LlamaWeights} (RoPE on adjacent pairs, RMSNorm eps 1e-5, base 10000).
 *
 * <ul>
 *   <li><b>Legacy (version 0)</b>, what {@code run.c} reads: seven int32 {@code dim, hidden_dim, n_layers, n_heads,
 *       n_kv_heads, vocab_size, seq_len}; then float32 embedding, rms_att, wq, wk, wv, wo, rms_ffn, w1, w2, w3,
 *       rms_final (each stacked over layers), the unused RoPE tables ({@code 2 * seq_len * head_size / 2} floats),
 *       and a separate classifier only when {@code vocab_size} is negative (its absolute value is the vocabulary).</li>
 *   <li><b>Version 1</b>: uint32 magic {@code 0x616b3432} ("ak42"), int32 version 1, the seven ints, one byte
 *       "shared classifier", zero padding to 256 bytes; then float32 rms_att (all layers), rms_ffn, rms_final,
 *       embedding, wq, wk, wv, wo, w1, w2, w3, and the classifier when not shared.</li>
 * </ul>
 * Cost: one read of the file, O(parameters). Any size mismatch is an {@link InvalidModelFileException} with the byte
 * offset.
 */
public final class Llama2cCheckpoint {
    /** {@code "ak42"} read as a little-endian uint32. */
    static final int MAGIC_V1 = 0x616b3432;
    static final int V1_HEADER_BYTES = 256;
    static final float NORM_EPS = 1e-5f;
    static final float ROPE_THETA = 10000f;

    private Llama2cCheckpoint() {}

    /** Reads {@code file}. */
    public static LlamaWeights read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < 28) throw new InvalidModelFileException(file, "byte 0", "too short for a llama2.c header");
        boolean v1 = bytes.getInt(0) == MAGIC_V1;
        if (v1) {
            int version = bytes.getInt(4);
            if (version != 1) throw new InvalidModelFileException(file, "byte 4", "unsupported version " + version);
            bytes.position(8);
        }
        int[] h = new int[7];
        for (int i = 0; i < 7; i++) h[i] = bytes.getInt();
        boolean shared;
        int vocab;
        if (v1) {
            shared = bytes.get() != 0;
            vocab = h[5];
            bytes.position(V1_HEADER_BYTES);
        } else {
            shared = h[5] > 0;
            vocab = Math.abs(h[5]);
        }
        ModelConfig config;
        try {
            config = new ModelConfig(Architecture.LLAMA, h[0], h[1], h[2], h[3], h[4], vocab, h[6], NORM_EPS,
                    ROPE_THETA, RopeLayout.ADJACENT_PAIRS);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(file, "header", e.getMessage(), e);
        }
        Reader r = new Reader(file, bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(), bytes.position());
        Map<String, FloatTensor> t = v1 ? readV1(r, config, shared) : readLegacy(r, config, shared);
        if (r.floats.hasRemaining()) {
            throw new InvalidModelFileException(file, "byte " + r.byteOffset(),
                    r.floats.remaining() * 4L + " bytes left over after the last tensor");
        }
        return new LlamaWeights(config, t);
    }

    private static Map<String, FloatTensor> readLegacy(Reader r, ModelConfig c, boolean shared)
            throws InvalidModelFileException {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        t.put(LlamaWeights.EMBED, r.matrix(c.vocabSize(), c.dim()));
        r.perLayer(t, c, LlamaWeights.ATTN_NORM, c.dim(), 0);
        r.perLayer(t, c, LlamaWeights.Q, c.dim(), c.dim());
        r.perLayer(t, c, LlamaWeights.K, c.kvDim(), c.dim());
        r.perLayer(t, c, LlamaWeights.V, c.kvDim(), c.dim());
        r.perLayer(t, c, LlamaWeights.O, c.dim(), c.dim());
        r.perLayer(t, c, LlamaWeights.MLP_NORM, c.dim(), 0);
        r.perLayer(t, c, LlamaWeights.GATE, c.hiddenDim(), c.dim());
        r.perLayer(t, c, LlamaWeights.DOWN, c.dim(), c.hiddenDim());
        r.perLayer(t, c, LlamaWeights.UP, c.hiddenDim(), c.dim());
        t.put(LlamaWeights.FINAL_NORM, r.vector(c.dim()));
        r.skip((long) c.maxSeqLen() * c.headSize()); // freq_cis_real and freq_cis_imag, seq_len * head_size/2 each
        if (!shared) t.put(LlamaWeights.LM_HEAD, r.matrix(c.vocabSize(), c.dim()));
        return t;
    }

    private static Map<String, FloatTensor> readV1(Reader r, ModelConfig c, boolean shared)
            throws InvalidModelFileException {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        r.perLayer(t, c, LlamaWeights.ATTN_NORM, c.dim(), 0);
        r.perLayer(t, c, LlamaWeights.MLP_NORM, c.dim(), 0);
        t.put(LlamaWeights.FINAL_NORM, r.vector(c.dim()));
        t.put(LlamaWeights.EMBED, r.matrix(c.vocabSize(), c.dim()));
        r.perLayer(t, c, LlamaWeights.Q, c.dim(), c.dim());
        r.perLayer(t, c, LlamaWeights.K, c.kvDim(), c.dim());
        r.perLayer(t, c, LlamaWeights.V, c.kvDim(), c.dim());
        r.perLayer(t, c, LlamaWeights.O, c.dim(), c.dim());
        r.perLayer(t, c, LlamaWeights.GATE, c.hiddenDim(), c.dim());
        r.perLayer(t, c, LlamaWeights.DOWN, c.dim(), c.hiddenDim());
        r.perLayer(t, c, LlamaWeights.UP, c.hiddenDim(), c.dim());
        if (!shared) t.put(LlamaWeights.LM_HEAD, r.matrix(c.vocabSize(), c.dim()));
        return t;
    }

    /** Sequential float reads with the byte offset kept for error messages. */
    private static final class Reader {
        final Path file;
        final FloatBuffer floats;
        final long bodyStart;

        Reader(Path file, FloatBuffer floats, long bodyStart) {
            this.file = file;
            this.floats = floats;
            this.bodyStart = bodyStart;
        }

        long byteOffset() { return bodyStart + 4L * floats.position(); }

        float[] take(long count) throws InvalidModelFileException {
            if (count > floats.remaining()) {
                throw new InvalidModelFileException(file, "byte " + byteOffset(), "file ends inside a tensor: need "
                        + count * 4 + " bytes, " + floats.remaining() * 4L + " left");
            }
            float[] out = new float[(int) count];
            floats.get(out);
            return out;
        }

        void skip(long count) throws InvalidModelFileException {
            if (count > floats.remaining()) {
                throw new InvalidModelFileException(file, "byte " + byteOffset(), "file ends inside the RoPE tables");
            }
            floats.position(floats.position() + (int) count);
        }

        FloatTensor vector(int n) throws InvalidModelFileException {
            return new FloatTensor(new int[] {n}, take(n));
        }

        FloatTensor matrix(int rows, int cols) throws InvalidModelFileException {
            return new FloatTensor(new int[] {rows, cols}, take((long) rows * cols));
        }

        /** One block stacked over layers: {@code [layers, rows, cols]}, or {@code [layers, rows]} when cols is 0. */
        void perLayer(Map<String, FloatTensor> into, ModelConfig c, String suffix, int rows, int cols)
                throws InvalidModelFileException {
            for (int l = 0; l < c.layers(); l++) {
                into.put(LlamaWeights.layer(l, suffix), cols == 0 ? vector(rows) : matrix(rows, cols));
            }
        }
    }
}
