package org.circuitgrammar.corpus.graph;

/**
 * How the features of a graph were produced. Inferred from {@code metadata.scan} and {@code metadata.info},
 * never from {@code feature_type}, which says "cross layer transcoder" for per-layer transcoders too.
 */
public enum TranscoderKind {
    /** Cross-layer transcoder: a feature reads one layer and writes to every later MLP output. */
    CLT,
    /** Per-layer transcoder (including skip transcoders and lorsa+transcoder tracers). */
    PLT,
    /** The file does not say. */
    UNKNOWN
}
