package org.circuitgrammar.tracer.transcoder;

import java.util.List;

import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * A per-layer transcoder (PLT, circuit-tracer's "transcoder set"): one {@link SingleLayerTranscoder} per layer,
 * each feature writing only to its own layer's output.
 */
public final class TranscoderSet implements Transcoder {
    private final List<SingleLayerTranscoder> layers;

    /** @throws IllegalArgumentException if the list is empty or the layers disagree on {@code d} or on skip */
    public TranscoderSet(List<SingleLayerTranscoder> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a transcoder set needs at least one layer");
        }
        SingleLayerTranscoder first = layers.get(0);
        for (SingleLayerTranscoder t : layers) {
            if (t.dModel() != first.dModel() || t.hasSkip() != first.hasSkip()) {
                throw new IllegalArgumentException("layers disagree on d or on the skip matrix: " + layers);
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** The transcoder of one layer. */
    public SingleLayerTranscoder layer(int layer) {
        return layers.get(layer);
    }

    @Override
    public TranscoderKind kind() {
        return TranscoderKind.PLT;
    }

    @Override
    public int layerCount() {
        return layers.size();
    }

    @Override
    public int dModel() {
        return layers.get(0).dModel();
    }

    @Override
    public int featureCount(int layer) {
        return layers.get(layer).featureCount();
    }

    @Override
    public Activation activation(int layer) {
        return layers.get(layer).activation();
    }

    @Override
    public float[] preActivations(int layer, float[] x, int rows) {
        return layers.get(layer).preActivations(x, rows);
    }

    @Override
    public float[][] decode(float[][] activations, float[][] inputs, int rows) {
        float[][] out = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            out[l] = layers.get(l).decode(activations[l], inputs == null ? null : inputs[l], rows);
        }
        return out;
    }

    @Override
    public float[] encoderVector(int layer, int feature) {
        return layers.get(layer).encoderVector(feature);
    }

    @Override
    public float[] decoderVector(int sourceLayer, int feature, int outputLayer) {
        if (outputLayer != sourceLayer) {
            throw new IllegalArgumentException("a per-layer transcoder feature of layer " + sourceLayer
                    + " writes only to layer " + sourceLayer + ", not " + outputLayer);
        }
        return layers.get(sourceLayer).decoderVector(feature);
    }

    @Override
    public float[] decoderBias(int outputLayer) {
        return layers.get(outputLayer).decoderBias();
    }

    @Override
    public boolean hasSkip() {
        return layers.get(0).hasSkip();
    }

    @Override
    public float[] skipMatrix(int layer) {
        return layers.get(layer).skipWeights();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranscoderSet s && layers.equals(s.layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    @Override
    public String toString() {
        return "TranscoderSet" + layers;
    }
}
