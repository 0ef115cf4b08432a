package org.circuitgrammar.corpus.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An input file fingerprinted by content: its path as given, its SHA-256 (lower-case hex) and its size in bytes.
 *
 * @param path   the path as the user named it (not resolved, so provenance does not leak home directories)
 * @param sha256 64 lower-case hex digits
 * @param size   bytes
 */
public record InputRef(String path, String sha256, long size) {
    private static final int BUFFER = 1 << 16;

    public InputRef {
        Objects.requireNonNull(path, "path");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
    }

    /** Hashes {@code file} in 64 KiB chunks (streamed: memory does not grow with the file). {@code O(size)}. */
    public static InputRef of(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return new InputRef(file.toString(), HexFormat.of().formatHex(digest.digest()), size);
    }

    /** The 32 digest bytes (a fresh copy). */
    public byte[] digest() {
        return HexFormat.of().parseHex(sha256);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
