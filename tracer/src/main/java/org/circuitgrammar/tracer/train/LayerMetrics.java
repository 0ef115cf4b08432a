package org.circuitgrammar.tracer.train;

/**
 * Quality of a transcoder at one layer on a set of rows.
 *
 * @param layer     the layer
 * @param fvu       fraction of variance unexplained of the output at this layer:
 *                  {@code Σ‖ŷ − y‖² / Σ‖y − ȳ‖²}
 * @param meanL0    mean number of active features (nonzero activations) per row whose source is this layer
 * @param deadShare share of this layer's features that are active on no row
 */
public record LayerMetrics(int layer, double fvu, double meanL0, double deadShare) {
}
