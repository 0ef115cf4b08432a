package org.circuitgrammar.tracer.model;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.circuitgrammar.tracer.io.InvalidModelFileException;

/**
 * llama2.c's tokenizer ({@code tokenizer.bin} / {@code tok512.bin}): an int32 {@code max_token_length}, then per id a
 * float32 score, an int32 length and that many bytes of piece. Encoding and decoding follow {@code run.c}:
 * BOS (id 1) first, a dummy-prefix {@code " "} before non-empty text, each UTF-8 code point looked up as a piece or
 * else spelled as byte tokens {@code byte + 3}, then repeated merges of the adjacent pair whose concatenation is the
 * piece with the highest score (leftmost on a tie).
 *
 * <p>Pieces are compared as raw bytes (held as ISO-8859-1 strings, one char per byte), as {@code run.c} compares C
 * strings. Encoding costs O(n²) in the text length (each merge round rescans), as in {@code run.c}.
 */
public final class Llama2cTokenizer {
    public static final int BOS = 1;
    public static final int EOS = 2;

    private final String[] pieces;   // raw bytes, one char per byte
    private final float[] scores;
    private final Map<String, Integer> ids;

    private Llama2cTokenizer(String[] pieces, float[] scores) {
        this.pieces = pieces;
        this.scores = scores;
        this.ids = new HashMap<>();
        for (int i = pieces.length - 1; i >= 0; i--) ids.put(pieces[i], i); // the lowest id wins a duplicate
    }

    /** Reads {@code vocabSize} records from {@code file} (the size comes from the model header, not the file). */
    public static Llama2cTokenizer read(Path file, int vocabSize) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        String[] pieces = new String[vocabSize];
        float[] scores = new float[vocabSize];
        int id = -1;
        try {
            b.getInt(); // max_token_length: run.c sizes a buffer with it; pieces carry their own lengths
            for (id = 0; id < vocabSize; id++) {
                scores[id] = b.getFloat();
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) {
                    throw new InvalidModelFileException(file, "byte " + (b.position() - 4), "token " + id
                            + " has an impossible length " + len);
                }
                byte[] piece = new byte[len];
                b.get(piece);
                pieces[id] = new String(piece, StandardCharsets.ISO_8859_1);
            }
        } catch (BufferUnderflowException e) {
            throw new InvalidModelFileException(file, "byte " + b.position(),
                    "file ends at token " + id + " of " + vocabSize, e);
        }
        return new Llama2cTokenizer(pieces, scores);
    }

    public int vocabSize() { return pieces.length; }

    /** The raw bytes of piece {@code id}. */
    public byte[] pieceBytes(int id) { return pieces[id].getBytes(StandardCharsets.ISO_8859_1); }

    public float score(int id) { return scores[id]; }

    /**
     * Token ids of {@code text} as {@code run.c}'s {@code encode(text, bos, eos)} gives them.
     */
    public int[] encode(String text, boolean bos, boolean eos) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[utf8.length + 3];
        int n = 0;
        if (bos) tokens[n++] = BOS;
        if (utf8.length > 0) tokens[n++] = requireId(" ");
        int start = 0;
        while (start < utf8.length) {
            // one code point: a lead byte and at most three continuation bytes, as run.c groups them
            int end = start + 1;
            while (end < utf8.length && (utf8[end] & 0xC0) == 0x80 && end - start < 4) end++;
            Integer id = ids.get(new String(utf8, start, end - start, StandardCharsets.ISO_8859_1));
            if (id != null) {
                tokens[n++] = id;
            } else {
                for (int i = start; i < end; i++) tokens[n++] = (utf8[i] & 0xff) + 3;
            }
            start = end;
        }
        n = merge(tokens, n);
        if (eos) tokens[n++] = EOS;
        return Arrays.copyOf(tokens, n);
    }

    private int merge(int[] tokens, int n) {
        while (true) {
            float bestScore = -1e10f;
            int bestId = -1;
            int bestIndex = -1;
            for (int i = 0; i < n - 1; i++) {
                Integer id = ids.get(pieces[tokens[i]] + pieces[tokens[i + 1]]);
                if (id != null && scores[id] > bestScore) {
                    bestScore = scores[id];
                    bestId = id;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) return n;
            tokens[bestIndex] = bestId;
            System.arraycopy(tokens, bestIndex + 2, tokens, bestIndex + 1, n - bestIndex - 2);
            n--;
        }
    }

    private int requireId(String piece) {
        Integer id = ids.get(piece);
        if (id == null) throw new IllegalStateException("vocabulary has no piece '" + piece + "'");
        return id;
    }

    /**
     * The bytes {@code run.c}'s {@code decode(prev, token)} yields: the piece, minus one leading space after BOS, and
     * a {@code <0xNN>} piece as the single raw byte NN.
     */
    public byte[] decode(int previous, int token) {
        String piece = pieces[token];
        if (previous == BOS && piece.startsWith(" ")) piece = piece.substring(1);
        if (piece.length() >= 4 && piece.startsWith("<0x")) {
            int hexEnd = 3;
            while (hexEnd < piece.length() && hexEnd < 5 && Character.digit(piece.charAt(hexEnd), 16) >= 0) hexEnd++;
            if (hexEnd > 3) return new byte[] {(byte) Integer.parseInt(piece.substring(3, hexEnd), 16)};
        }
        return piece.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * What {@code run.c} prints for {@code decode(prev, token)}: nothing for an empty piece or for a single byte that
     * is neither printable ASCII nor whitespace ({@code safe_printf}), else the bytes, read as UTF-8.
     */
    public String printable(int previous, int token) {
        byte[] bytes = decode(previous, token);
        if (bytes.length == 0) return "";
        if (bytes.length == 1) {
            int b = bytes[0] & 0xff;
            boolean print = b >= 0x20 && b <= 0x7e;
            boolean space = b == ' ' || (b >= 0x09 && b <= 0x0d);
            if (!print && !space) return "";
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
