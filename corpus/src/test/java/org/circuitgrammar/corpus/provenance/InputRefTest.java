package org.circuitgrammar.corpus.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known-answer tests from FIPS 180-2 (NIST) SHA-256 examples. */
class InputRefTest {
    @TempDir
    Path dir;

    @Test
    void of_emptyFile_knownDigest() throws IOException {
        Path f = Files.write(dir.resolve("empty"), new byte[0]);
        InputRef ref = InputRef.of(f);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ref.sha256());
        assertEquals(0, ref.size());
        assertEquals(f.toString(), ref.path());
    }

    @Test
    void of_abc_knownDigest() throws IOException {
        Path f = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InputRef.of(f).sha256());
    }

    @Test
    void of_millionAs_spansManyChunks_knownDigest() throws IOException {
        byte[] a = new byte[1_000_000];
        Arrays.fill(a, (byte) 'a');
        InputRef ref = InputRef.of(Files.write(dir.resolve("a"), a));
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", ref.sha256());
        assertEquals(1_000_000, ref.size());
        assertEquals(32, ref.digest().length);
        assertArrayEquals(new byte[] {(byte) 0xcd, (byte) 0xc7}, Arrays.copyOf(ref.digest(), 2));
    }

    @Test
    void new_badDigest_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new InputRef("x", "ABC", 1));
        assertThrows(IllegalArgumentException.class, () -> new InputRef("x", "0".repeat(64), -1));
    }

    @Test
    void of_missingFile_throws() {
        assertThrows(IOException.class, () -> InputRef.of(dir.resolve("missing.json")));
    }
}
