package org.circuitgrammar.corpus.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;
import org.circuitgrammar.corpus.folder.FileDigest;

/**
 * An input file fingerprinted by content: its path as given, its SHA-256 (lower-case hex) and its size in bytes.
 *
 * @param path   the path as the user named it (not resolved, so provenance does not leak home directories)
 * @param sha256 64 lower-case hex digits
 * @param size   bytes
 */
public record InputRef(String path, String sha256, long size) {
    public InputRef {
        Objects.requireNonNull(path, "path");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
    }

    /** Fingerprints {@code file} with {@link FileDigest#sha256} (streamed, memory does not grow). {@code O(size)}. */
    public static InputRef of(Path file) throws IOException {
        return new InputRef(file.toString(), FileDigest.sha256(file), Files.size(file));
    }

    /** The 32 digest bytes (a fresh copy). */
    public byte[] digest() {
        return HexFormat.of().parseHex(sha256);
    }
}
