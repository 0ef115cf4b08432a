package org.circuitgrammar.motifs.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * The input of a census result and the analysed view(s) its counts ran on.
 *
 * @param path       the graph file as the user named it
 * @param sha256     the file's SHA-256
 * @param size       bytes
 * @param slug       {@code metadata.slug}, or null
 * @param model      the model as the file tells it, or null
 * @param transcoder the transcoder kind inferred from the file
 * @param prompt     {@code metadata.prompt}, or null
 * @param metadata   every scalar {@code metadata} field of the file as text (nested values as compact JSON), for
 *                   grouping by any metadata key
 * @param fileNodes  nodes in the file
 * @param fileEdges  links in the file
 * @param views      the analysed views, first the full one
 * @param nodeIds    node ids of the first view's nodes, in view order: the node set used to find near-duplicate
 *                   graphs (regenerations of one prompt)
 */
public record GraphInfo(String path, String sha256, long size, String slug, String model, TranscoderKind transcoder,
                        String prompt, Map<String, String> metadata, int fileNodes, int fileEdges,
                        List<ViewInfo> views, List<String> nodeIds) {
    public GraphInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(transcoder, "transcoder");
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        views = List.copyOf(views);
        nodeIds = List.copyOf(nodeIds);
    }

    /**
     * One analysed view: which families ran on it and its size.
     *
     * @param name                {@code full}; in the circuit-motifs profile also {@code signed-window}
     * @param weightThreshold     the |w| threshold the view applied: the absolute threshold, raised to the cut of
     *                            {@code --top-edges} where that was asked for
     * @param edgesSamePosition   edges whose ends sit at the same token position (includes an attention head's
     *                            path to its own position, so not "residual only")
     * @param edgesCrossPosition  edges between different token positions
     */
    public record ViewInfo(String name, List<MotifFamily> families, int nodes, int edges, double weightThreshold,
                           int edgesSamePosition, int edgesCrossPosition, int droppedSelfLoops,
                           int mergedParallelEdges) {
        public ViewInfo {
            families = List.copyOf(families);
        }
    }

    /**
     * The value of a grouping key: {@code model}, {@code transcoder} (clt, plt or unknown), {@code slug},
     * {@code prompt}, {@code file}, or any key of {@link #metadata()}; empty when the graph has none.
     */
    public java.util.Optional<String> attribute(String key) {
        String value = switch (key) {
            case "model" -> model;
            case "transcoder" -> transcoder.name().toLowerCase(java.util.Locale.ROOT);
            case "slug" -> slug;
            case "prompt" -> prompt;
            case "file" -> fileName();
            default -> metadata.get(key);
        };
        return java.util.Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The file name without folders. */
    public String fileName() {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
