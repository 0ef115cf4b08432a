package org.circuitgrammar.corpus.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.json.FeatureEncoding;
import org.circuitgrammar.corpus.json.GraphValidator;
import org.circuitgrammar.corpus.json.Problem;

/**
 * Scans a folder for graph files: every regular {@code *.json} file below it (recursively), sorted by relative
 * path, each read and checked by {@link GraphValidator} and summarised as a {@link CorpusEntry}. A file that cannot
 * be read becomes an entry carrying the reason; the scan goes on. Time O(total bytes); one graph in memory at a time.
 */
public final class CorpusScanner {
    private final GraphValidator validator = new GraphValidator();

    /** The files the scan would visit, sorted by path relative to {@code dir}. */
    public static List<Path> graphFiles(Path dir) throws IOException {
        return files(dir, ".json");
    }

    /**
     * The one rule for naming inputs on a command line: a file is taken as given (whatever its name), a folder
     * stands for every regular file below it whose name ends with {@code suffix}, sorted by path relative to it.
     *
     * @throws NoSuchFileException if {@code fileOrDir} does not exist
     */
    public static List<Path> files(Path fileOrDir, String suffix) throws IOException {
        if (!Files.isDirectory(fileOrDir)) {
            if (!Files.exists(fileOrDir)) {
                throw new NoSuchFileException(fileOrDir.toString(), null, "no such file or folder");
            }
            return List.of(fileOrDir);
        }
        try (Stream<Path> s = Files.walk(fileOrDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> fileOrDir.relativize(p).toString())).toList();
        }
    }

    /** One entry per graph file under {@code dir}; throws only if the folder itself cannot be listed. */
    public List<CorpusEntry> scan(Path dir) throws IOException {
        List<CorpusEntry> out = new ArrayList<>();
        for (Path file : graphFiles(dir)) {
            out.add(entry(dir.relativize(file), file));
        }
        return out;
    }

    /** Summarises one file; {@code shown} is the path the entry reports. */
    public CorpusEntry entry(Path shown, Path file) {
        String sha;
        try {
            sha = FileDigest.sha256(file);
        } catch (IOException e) {
            sha = null;
        }
        GraphValidator.Report report = validator.validate(file);
        // report problems under the shown (relative) path, as the scan's rows do
        List<Problem> problems = report.problems().stream()
                .map(p -> new Problem(shown, p.path(), p.message(), p.severity())).toList();
        AttributionGraph g = report.graph();
        int[] counts = new int[NodeKind.values().length];
        if (g == null) {
            return new CorpusEntry(shown, sha, false, null, TranscoderKind.UNKNOWN, FeatureEncoding.UNKNOWN, counts,
                    0, 0, CorpusEntry.NO_LAYER, CorpusEntry.NO_LAYER, CorpusEntry.NO_LAYER, problems);
        }
        int minFeature = CorpusEntry.NO_LAYER;
        int maxFeature = CorpusEntry.NO_LAYER;
        int logit = CorpusEntry.NO_LAYER;
        for (int v = 0; v < g.nodeCount(); v++) {
            counts[g.kind(v).ordinal()]++;
            int layer = g.layer(v);
            if (g.kind(v) == NodeKind.FEATURE) {
                minFeature = minFeature == CorpusEntry.NO_LAYER ? layer : Math.min(minFeature, layer);
                maxFeature = Math.max(maxFeature, layer);
            } else if (g.kind(v) == NodeKind.LOGIT) {
                logit = Math.max(logit, layer);
            }
        }
        int negative = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            negative += g.edgeWeight(e) < 0 ? 1 : 0;
        }
        double share = g.edgeCount() == 0 ? 0 : (double) negative / g.edgeCount();
        return new CorpusEntry(shown, sha, true, g.metadata().model(), g.metadata().transcoderKind(),
                FeatureEncoding.detect(g), counts, g.edgeCount(), share, minFeature, maxFeature, logit, problems);
    }
}
