package org.circuitgrammar.motifs.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.InvalidResultException;

/**
 * The output folder of a census run: one {@code <file name>-<SHA-256 prefix>.census.json} per graph, written through
 * a temp file and an atomic move ({@link CensusResultCodec#write}), and found again by a rerun. A result is reused iff
 * it reads back (current format) with the same result key (SHA-256 of the input's SHA-256 and the canonical spec), so
 * a changed input or a changed parameter recomputes the graph and an unchanged one is skipped; an unreadable, older
 * or foreign file is recomputed and replaced.
 */
public final class CensusStore {
    /** The summary table's file name. */
    public static final String SUMMARY = "summary.csv";
    private final Path dir;

    public CensusStore(Path dir) {
        this.dir = dir;
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
                if (name.startsWith("." + SUMMARY) || name.contains(CensusResultCodec.SUFFIX)) {
                    Files.deleteIfExists(t);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Where the result of {@code input} goes. */
    public Path resultPath(InputRef input) {
        return dir.resolve(stem(Path.of(input.path())) + "-" + input.sha256().substring(0, 12)
                + CensusResultCodec.SUFFIX);
    }

    /**
     * False iff OUT holds no result for any file of this name, so no content can be reused and reading the graph
     * need not wait for its fingerprint.
     */
    public boolean mayHoldResultFor(Path file) throws IOException {
        try (DirectoryStream<Path> results = Files.newDirectoryStream(dir,
                stem(file) + "-*" + CensusResultCodec.SUFFIX)) {
            return results.iterator().hasNext();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /** The stored result at {@code path} if it was made from the same input with the same spec. */
    public Optional<CensusResult> reusable(Path path, String resultKey) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            CensusResult stored = CensusResultCodec.read(path);
            return resultKey.equals(stored.resultKey()) ? Optional.of(stored) : Optional.empty();
        } catch (InvalidResultException unreadableOrOlder) {
            return Optional.empty();
        }
    }
}
