package org.circuitgrammar.corpus.folder;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.json.FeatureEncoding;
import org.circuitgrammar.corpus.json.Problem;

/**
 * One graph file of a scanned folder. For a file that cannot be read, the graph facts are empty
 * ({@code model} null, {@code transcoder} UNKNOWN, counts 0, layers {@link #NO_LAYER}) and {@code problems} holds
 * the reason.
 *
 * @param path              the file, relative to the scanned folder
 * @param sha256            lower-case hex SHA-256 of the file, or null when it could not be read at all
 * @param readable          whether the file reads as a graph
 * @param model             the model the file names, or null
 * @param transcoder        CLT / PLT / UNKNOWN, from {@code scan}/{@code info}
 * @param encoding          how feature ids are encoded
 * @param nodesByKind       node counts indexed by {@link NodeKind#ordinal()}
 * @param edges             number of links
 * @param negativeEdgeShare share of links with a negative weight (0 when there are none)
 * @param minFeatureLayer   lowest feature layer, or {@link #NO_LAYER}
 * @param maxFeatureLayer   highest feature layer, or {@link #NO_LAYER}
 * @param logitLayer        highest logit layer, or {@link #NO_LAYER}
 * @param problems          everything {@code GraphValidator} reported, in order
 */
public record CorpusEntry(Path path, String sha256, boolean readable, String model, TranscoderKind transcoder,
                          FeatureEncoding encoding, int[] nodesByKind, int edges, double negativeEdgeShare,
                          int minFeatureLayer, int maxFeatureLayer, int logitLayer, List<Problem> problems) {
    /** Marks a layer column with no value. */
    public static final int NO_LAYER = Integer.MIN_VALUE;

    public CorpusEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transcoder, "transcoder");
        Objects.requireNonNull(encoding, "encoding");
        nodesByKind = nodesByKind.clone();
        if (nodesByKind.length != NodeKind.values().length) {
            throw new IllegalArgumentException("one count per node kind");
        }
        problems = List.copyOf(problems);
    }

    /** Number of nodes of one kind. */
    public int nodes(NodeKind kind) {
        return nodesByKind[kind.ordinal()];
    }

    /** Total number of nodes. */
    public int nodes() {
        int n = 0;
        for (int c : nodesByKind) {
            n += c;
        }
        return n;
    }

    @Override
    public int[] nodesByKind() {
        return nodesByKind.clone();
    }
}
