package org.circuitgrammar.cli.census;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.corpus.provenance.InputRef;

/**
 * The output folder of a census run: one {@code <file name>-<SHA-256 prefix>.census.json} per graph, written through
 * a temp file and an atomic move, and found again by a rerun. A result is reused iff its format version and its
 * result key (SHA-256 of the input's SHA-256 and the canonical parameters JSON) match, so a changed input or a
 * changed parameter recomputes the graph and an unchanged one is skipped; an unreadable or foreign file is
 * recomputed and replaced.
 */
public final class CensusStore {
    static final String SUFFIX = ".census.json";
    static final String SUMMARY = "summary.csv";
    private final Path dir;
    private final ObjectMapper mapper;

    public CensusStore(Path dir) {
        this.dir = dir;
        this.mapper = mapper();
    }

    /** The mapper for census files: records both ways, indented output. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Creates the folder and removes temp files that a killed run (kill -9 skips every cleanup) left behind, so
     * no partial file survives. Returns how many were removed.
     */
    public int prepare() throws IOException {
        Files.createDirectories(dir);
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path t : temps) {
                String name = t.getFileName().toString();
                if (name.startsWith("." + SUMMARY) || name.contains(SUFFIX)) {
                    Files.deleteIfExists(t);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Where the result of {@code input} goes. */
    public Path resultPath(InputRef input) {
        return dir.resolve(stem(Path.of(input.path())) + "-" + input.sha256().substring(0, 12) + SUFFIX);
    }

    /**
     * False iff OUT holds no result for any file of this name, so no content can be reused and reading the graph
     * need not wait for its fingerprint.
     */
    public boolean mayHoldResultFor(Path file) throws IOException {
        try (DirectoryStream<Path> results = Files.newDirectoryStream(dir, stem(file) + "-*" + SUFFIX)) {
            return results.iterator().hasNext();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /** The result key of {@code input} under {@code params}. */
    public String resultKey(InputRef input, CensusParameters params) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(input.sha256().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(params));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored result at {@code path} if it was made from the same input with the same parameters. */
    public Optional<CensusFile> reusable(Path path, String resultKey) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            CensusFile stored = mapper.readValue(path.toFile(), CensusFile.class);
            return stored.formatVersion() == CensusFile.FORMAT_VERSION && resultKey.equals(stored.resultKey())
                    ? Optional.of(stored) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Writes {@code file} to {@code path} atomically. */
    public void write(Path path, CensusFile file) {
        try {
            AtomicWrite.write(path, out -> mapper.writeValue(out, file));
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write: " + e.getMessage(), e);
        }
    }
}
