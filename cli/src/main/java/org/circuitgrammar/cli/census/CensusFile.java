package org.circuitgrammar.cli.census;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON result of one graph ({@code OUT/<name>.census.json}); Jackson maps these records both ways. Undefined
 * statistics are JSON {@code null} with the reason beside them, never a sentinel number.
 *
 * @param resultKey  SHA-256 of the input's SHA-256 and the canonical parameters: a rerun skips the graph iff equal
 * @param graph      the input and the view the counts ran on
 * @param observed   the observed counts per family
 * @param nulls      one entry per null model (empty when {@code -n 0})
 * @param qFamily    how the q-values were adjusted, or why they are missing
 * @param provenance tool version, argv, parameters, seed and input SHA-256 of the run that computed this file
 */
public record CensusFile(int formatVersion, String resultKey, GraphSection graph, List<ObservedFamily> observed,
                         List<NullSection> nulls, String qFamily, JsonNode provenance) {
    /**
     * Bumped whenever the layout or the meaning of a null changes, so a rerun recomputes rather than misreads or
     * reuses old files. 2: causal layer-keeping nulls, 4 sweeps per sample, effective sample sizes in the diagnostics
     * (issue 13).
     */
    public static final int FORMAT_VERSION = 2;

    /**
     * The input and the analysed view.
     *
     * @param views per view the counts ran on ({@code full}; in the circuit-motifs profile also {@code signed-window})
     */
    public record GraphSection(String path, String sha256, long size, String slug, int fileNodes, int fileEdges,
                               List<ViewSection> views) {
    }

    /** One analysed view: which families ran on it and its size. */
    public record ViewSection(String name, List<String> families, int nodes, int edges, int droppedSelfLoops,
                              int mergedParallelEdges) {
    }

    /** Observed counts of one family. */
    public record ObservedFamily(String family, List<String> labels, List<Long> counts) {
    }

    /**
     * One null model's ensemble and the statistics against it.
     *
     * @param acceptanceRate accepted / attempted swaps over the ensemble, null when not finite
     * @param diagnostics the ensemble's mixing diagnostics as the ensemble reports them
     */
    public record NullSection(String nullModel, String view, int samples, double sweepsPerSample,
                              Double acceptanceRate, JsonNode diagnostics, Boolean dagTriadIdentity,
                              List<FamilyRows> families) {
    }

    /** The per-class statistics of one family against one null. */
    public record FamilyRows(String family, List<ClassRow> classes) {
    }

    /**
     * One motif class. A {@code null} number has its reason in the matching {@code …Undefined} field.
     */
    public record ClassRow(String label, long observed, Double nullMean, Double nullSd, Double z, String zUndefined,
                           Double sp, String spUndefined, Double p, String pUndefined, Double q, String qUndefined) {
        ClassRow withQ(Double newQ, String newQUndefined) {
            return new ClassRow(label, observed, nullMean, nullSd, z, zUndefined, sp, spUndefined, p, pUndefined,
                    newQ, newQUndefined);
        }
    }
}
