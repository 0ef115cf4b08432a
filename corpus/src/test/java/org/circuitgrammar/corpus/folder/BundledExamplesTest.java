package org.circuitgrammar.corpus.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.circuitgrammar.corpus.SharedData;
import org.junit.jupiter.api.Test;

/** {@code examples/graphs} holds byte-exact copies of shared corpus files, each listed in its NOTICE.md. */
class BundledExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "graphs").toAbsolutePath().normalize();

    @Test
    void examples_areCorpusCopiesWithProvenance() throws Exception {
        List<Path> files = CorpusScanner.graphFiles(EXAMPLES);
        assertEquals(6, files.size());
        String notice = Files.readString(EXAMPLES.resolve("NOTICE.md"));
        assertTrue(Files.exists(EXAMPLES.resolve("LICENSE-MIT.txt")));
        long total = 0;
        for (Path f : files) {
            String relative = EXAMPLES.relativize(f).toString().replace('\\', '/');
            String sha = FileDigest.sha256(f);
            assertEquals(FileDigest.sha256(SharedData.corpusFile(relative)), sha, relative);
            assertTrue(notice.contains("| `" + relative + "` |") && notice.contains(sha), relative);
            total += Files.size(f);
        }
        assertTrue(total < 3_000_000, "bundled graphs stay under 3 MB: " + total);
    }
}
