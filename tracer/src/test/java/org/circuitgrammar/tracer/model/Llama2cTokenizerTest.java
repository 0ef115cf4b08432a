package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tok512.bin cases worked out by hand from {@code tok512.vocab.tsv} (ids: " " 410, "a" 412, "!" 443, " a" 261 with
 * score -2, "é" 485, " Once" 403, {@code <0x0A>} 13; no piece " a!", " é" or " " + a byte piece).
 */
class Llama2cTokenizerTest {
    private static Llama2cTokenizer tok;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        tok = Llama2cTokenizer.read(SharedModel.tokenizer(), 512);
    }

    @Test
    void encode_emptyText_onlyBos() {
        assertArrayEquals(new int[] {1}, tok.encode("", true, false));
        assertArrayEquals(new int[] {}, tok.encode("", false, false));
        assertArrayEquals(new int[] {1, 2}, tok.encode("", true, true));
    }

    @Test
    void encode_dummyPrefixMergesWithFirstPiece() {
        assertArrayEquals(new int[] {1, 261, 443}, tok.encode("a!", true, false));
        assertArrayEquals(new int[] {261, 443, 2}, tok.encode("a!", false, true));
    }

    @Test
    void encode_codePointInVocabulary_onePiece() {
        assertArrayEquals(new int[] {1, 410, 485}, tok.encode("é", true, false));
    }

    @Test
    void encode_codePointNotInVocabulary_byteFallback() {
        // U+1F600 is F0 9F 98 80 in UTF-8; each byte b becomes id b + 3
        assertArrayEquals(new int[] {1, 410, 0xF0 + 3, 0x9F + 3, 0x98 + 3, 0x80 + 3}, tok.encode("\uD83D\uDE00", true, false));
        assertArrayEquals(new int[] {1, 261, 13, 443}, tok.encode("a\n!", true, false));
    }

    @Test
    void decode_afterBos_dropsLeadingSpace() {
        assertEquals("Once", new String(tok.decode(Llama2cTokenizer.BOS, 403)));
        assertEquals(" Once", new String(tok.decode(261, 403)));
    }

    @Test
    void decode_bytePiece_rawByte() {
        assertArrayEquals(new byte[] {'\n'}, tok.decode(261, 13));
        assertArrayEquals(new byte[] {(byte) 0xF0}, tok.decode(261, 0xF0 + 3));
        assertEquals("<0x0A>", new String(tok.pieceBytes(13)));
    }

    @Test
    void printable_unprintableSingleByte_skippedAsRunCSafePrintf() {
        assertEquals("\n", tok.printable(261, 13));
        assertEquals("", tok.printable(261, 0x07 + 3));  // BEL
        assertEquals("", tok.printable(261, 0xF0 + 3));  // lone UTF-8 lead byte
        assertEquals("!", tok.printable(261, 443));
        assertEquals("é", tok.printable(261, 485));
    }

    @Test
    void encode_thenDecode_printableAsciiTextComesBack() {
        String text = "Tom had a red ball. He gave the ball to his friend, Sue! 42 (x)";
        int[] ids = tok.encode(text, true, false);
        StringBuilder back = new StringBuilder();
        for (int i = 1; i < ids.length; i++) back.append(tok.printable(ids[i - 1], ids[i]));
        assertEquals(text, back.toString());
        assertEquals(-1, Arrays.stream(ids).filter(id -> id >= 3 && id < 259).findAny().orElse(-1), "no byte fallback expected");
    }

    @Test
    void read_truncatedFile_namesTokenAndOffset() throws IOException {
        byte[] all = Files.readAllBytes(SharedModel.tokenizer());
        Path cut = dir.resolve("tok.bin");
        Files.write(cut, Arrays.copyOf(all, 100));
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> Llama2cTokenizer.read(cut, 512));
        assertEquals(cut.toString(), e.file().toString());
        assertEquals(true, e.reason().startsWith("file ends at token ") || e.reason().contains("impossible length"), e.getMessage());
    }
}
