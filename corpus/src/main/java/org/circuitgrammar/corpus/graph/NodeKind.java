package org.circuitgrammar.corpus.graph;

/** The four roles a node plays in an attribution graph. Lorsa (attention) features count as {@link #FEATURE}. */
public enum NodeKind {
    /** A token embedding at one context position; a source of the DAG. */
    EMBEDDING,
    /** A transcoder (or lorsa) feature active at one layer and context position. */
    FEATURE,
    /** The reconstruction error of a transcoder at one layer and position: what the features miss. */
    ERROR,
    /** An output logit; a sink of the DAG. */
    LOGIT
}
