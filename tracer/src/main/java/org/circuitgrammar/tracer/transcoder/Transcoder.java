package org.circuitgrammar.tracer.transcoder;

import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * A replacement for a model's MLPs: at every layer {@code l} it reads the vector at the feature input hook
 * ({@code IN_l}), encodes it into sparse feature activations and predicts the vector at the feature output hook
 * ({@code OUT_l}, the MLP output). Per-layer transcoders ({@link TranscoderSet} of {@link SingleLayerTranscoder})
 * write each feature to its own layer; a {@link CrossLayerTranscoder} writes a feature of source layer {@code l} to
 * every output layer {@code l' ≥ l} (spec §1.1, §1.10).
 *
 * <p>Batches are row-major {@code float} arrays: {@code rows × d} inputs and outputs, {@code rows × F} activations.
 * Implementations are immutable; accessors return copies.
 */
public interface Transcoder {

    /** {@link TranscoderKind#PLT} or {@link TranscoderKind#CLT}. */
    TranscoderKind kind();

    /** Number of layers {@code L}. */
    int layerCount();

    /** Width {@code d} of the input and output vectors. */
    int dModel();

    /** Number of features {@code F} whose source is {@code layer}. */
    int featureCount(int layer);

    /** The activation function of the features of {@code layer}. */
    Activation activation(int layer);

    /** Pre-activations {@code h = x·W_encᵀ + b_enc} of {@code layer}: {@code x} is {@code rows × d}, the result {@code rows × F}. */
    float[] preActivations(int layer, float[] x, int rows);

    /** Post-activations {@code φ(h)} of {@code layer}, {@code rows × F}. */
    default float[] encode(int layer, float[] x, int rows) {
        float[] h = preActivations(layer, x, rows);
        int features = featureCount(layer);
        Activation phi = activation(layer);
        for (int r = 0; r < rows; r++) {
            phi.apply(h, r * features, features, h);
        }
        return h;
    }

    /**
     * Outputs at every layer from activations at every source layer: {@code activations[l]} is {@code rows × F_l},
     * {@code inputs[l]} ({@code rows × d}) feed the skip term and may be {@code null} when {@link #hasSkip()} is
     * false. Returns {@code L} arrays of {@code rows × d}.
     */
    float[][] decode(float[][] activations, float[][] inputs, int rows);

    /** {@link #decode} of {@link #encode}: the transcoder's prediction of every output hook. */
    default float[][] reconstruct(float[][] inputs, int rows) {
        float[][] activations = new float[layerCount()][];
        for (int l = 0; l < layerCount(); l++) {
            activations[l] = encode(l, inputs[l], rows);
        }
        return decode(activations, inputs, rows);
    }

    /** Encoder row {@code W_enc[f]} of a feature of {@code layer} (length d), a copy. */
    float[] encoderVector(int layer, int feature);

    /**
     * Decoder row of a feature of {@code sourceLayer} for {@code outputLayer} (length d), a copy. For a per-layer
     * transcoder {@code outputLayer} must equal {@code sourceLayer}; for a CLT it ranges over {@code [sourceLayer, L)}.
     */
    float[] decoderVector(int sourceLayer, int feature, int outputLayer);

    /** Decoder bias {@code b_dec} of {@code outputLayer}, a copy. */
    float[] decoderBias(int outputLayer);

    /** Whether a linear skip term {@code x·W_skipᵀ} is added to the output. */
    boolean hasSkip();

    /**
     * The skip matrix {@code W_skip} of {@code layer} as {@code [d_out, d_in]} row-major (skip = {@code x·W_skipᵀ}),
     * a copy; null when {@link #hasSkip()} is false. The attribution's frozen network keeps this path linear.
     */
    float[] skipMatrix(int layer);
}
