package org.circuitgrammar.reports.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.folder.FileDigest;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.GraphInfo;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;

/**
 * The graph file behind a census result, for what the result does not carry (motif instances, feature labels): it
 * is read from {@link GraphInfo#path()} (as the census was given it, so relative to the working directory, or to
 * {@code base} when given) only if the file exists and its SHA-256 equals the recorded one, so a report never
 * draws instances of a different graph. Cost: one hash and one parse of the file.
 */
public final class GraphSource {
    private final Path base;

    /** Resolves relative graph paths against {@code base} (null: the working directory). */
    public GraphSource(Path base) {
        this.base = base;
    }

    /** Either the graph and its analysed view, or why there is none. */
    public sealed interface Loaded permits Found, Missing {
    }

    /**
     * The graph and the analysed view its census counted on.
     *
     * @param graph the graph as read
     * @param view  the first (full) analysed view of the census, rebuilt from the recorded options
     */
    public record Found(AttributionGraph graph, AnalysedGraph view) implements Loaded {
    }

    /** No graph: {@code reason} says why in one line. */
    public record Missing(String reason) implements Loaded {
        public Missing {
            Objects.requireNonNull(reason);
        }
    }

    /** Loads the graph of {@code result}. */
    public Loaded load(CensusResult result) {
        GraphInfo info = result.graph();
        Path file = Path.of(info.path());
        if (base != null && !file.isAbsolute()) {
            file = base.resolve(file);
        }
        if (!Files.isRegularFile(file)) {
            return new Missing(info.path() + ": graph file not found");
        }
        try {
            if (!FileDigest.sha256(file).equals(info.sha256())) {
                return new Missing(info.path() + ": graph file changed since the census (SHA-256 differs)");
            }
            AttributionGraph graph = new GraphReader().read(file);
            return new Found(graph, AnalysedGraph.of(graph, viewOptions(result)));
        } catch (InvalidGraphException e) {
            return new Missing(e.getMessage());
        } catch (IOException e) {
            return new Missing(info.path() + ": " + e.getMessage());
        }
    }

    /**
     * The analysed-view options of the census, exactly as its default profile builds the full view: error-node rule,
     * absolute threshold, layer gap and top-edges fraction. (Results of the circuit-motifs profile count on that
     * profile's own view; instances drawn for them come from this view of the same graph.)
     */
    public static AnalysisOptions viewOptions(CensusResult result) {
        var spec = result.spec();
        return new AnalysisOptions(spec.keepErrors(), true, true, spec.threshold(), spec.maxLayerGap(),
                spec.topEdges());
    }
}
