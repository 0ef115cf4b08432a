package org.circuitgrammar.tracer.transcoder;

import java.util.Arrays;
import java.util.List;

import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * A cross-layer transcoder (CLT): a feature of source layer {@code l} reads {@code IN_l} and writes to the MLP
 * output of every layer {@code l' ≥ l}; {@code ŷ_{l'} = Σ_{l ≤ l'} a^{(l)}·W_dec^{(l)}[:, l'−l, :] + b_dec_{l'}}
 * (spec §1.1). Per source layer {@code i} the arrays are those of circuit-tracer's files (§4.2):
 * {@code W_enc_i [F,d]}, {@code b_enc_i [F]}, {@code W_dec_i [F, L−i, d]}, {@code b_dec_i [d]} (the bias of output
 * layer {@code i}), and the activation (JumpReLU thresholds {@code threshold_i}, or ReLU). No skip term: the native
 * loader never reads one. Immutable; arrays are copied in and out.
 */
public final class CrossLayerTranscoder implements Transcoder {
    private final int layers;
    private final int dModel;
    private final int[] features;
    private final float[][] encoders;
    private final float[][] encoderBiases;
    private final float[][] decoders;
    private final float[][] decoderBiases;
    private final List<Activation> activations;

    /**
     * One entry per source layer in every argument.
     *
     * @throws IllegalArgumentException if the lists differ in length or a shape disagrees with
     *         {@code F_i = b_enc_i.length}, {@code d = b_dec_0.length}
     */
    public CrossLayerTranscoder(float[][] encoders, float[][] encoderBiases, float[][] decoders,
                                float[][] decoderBiases, List<Activation> activations) {
        this.layers = encoders.length;
        if (layers == 0 || encoderBiases.length != layers || decoders.length != layers
                || decoderBiases.length != layers || activations.size() != layers) {
            throw new IllegalArgumentException("a CLT needs the same number (>= 1) of encoders, encoder biases,"
                    + " decoders, decoder biases and activations");
        }
        this.dModel = decoderBiases[0].length;
        this.features = new int[layers];
        this.encoders = new float[layers][];
        this.encoderBiases = new float[layers][];
        this.decoders = new float[layers][];
        this.decoderBiases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int f = encoderBiases[l].length;
            features[l] = f;
            Affine.requireLength("W_enc_" + l, encoders[l], (long) f * dModel);
            Affine.requireLength("W_dec_" + l, decoders[l], (long) f * (layers - l) * dModel);
            Affine.requireLength("b_dec_" + l, decoderBiases[l], dModel);
            if (activations.get(l) instanceof Activation.JumpRelu jump && jump.thresholds().length != f) {
                throw new IllegalArgumentException("threshold_" + l + " has " + jump.thresholds().length
                        + " values, expected " + f);
            }
            this.encoders[l] = encoders[l].clone();
            this.encoderBiases[l] = encoderBiases[l].clone();
            this.decoders[l] = decoders[l].clone();
            this.decoderBiases[l] = decoderBiases[l].clone();
        }
        this.activations = List.copyOf(activations);
    }

    @Override
    public TranscoderKind kind() {
        return TranscoderKind.CLT;
    }

    @Override
    public int layerCount() {
        return layers;
    }

    @Override
    public int dModel() {
        return dModel;
    }

    @Override
    public int featureCount(int layer) {
        return features[layer];
    }

    @Override
    public Activation activation(int layer) {
        return activations.get(layer);
    }

    /** {@code W_enc_l} {@code [F,d]}, a copy. */
    public float[] encoderWeights(int layer) {
        return encoders[layer].clone();
    }

    public float[] encoderBias(int layer) {
        return encoderBiases[layer].clone();
    }

    /** {@code W_dec_l} {@code [F, L−l, d]}, a copy. */
    public float[] decoderWeights(int layer) {
        return decoders[layer].clone();
    }

    @Override
    public float[] preActivations(int layer, float[] x, int rows) {
        Affine.requireLength("x", x, (long) rows * dModel);
        return Affine.timesTransposed(x, rows, dModel, encoders[layer], features[layer], encoderBiases[layer]);
    }

    /** O(Σ_l rows·F_l + nnz·(L−l)·d). {@code inputs} is not used (no skip) and may be null. */
    @Override
    public float[][] decode(float[][] activations, float[][] inputs, int rows) {
        float[][] out = new float[layers][];
        for (int target = 0; target < layers; target++) {
            float[] y = new float[rows * dModel];
            for (int source = 0; source <= target; source++) {
                Affine.requireLength("activations[" + source + "]", activations[source],
                        (long) rows * features[source]);
                int stride = (layers - source) * dModel;
                Affine.addSparseTimes(activations[source], rows, features[source], decoders[source], stride,
                        (target - source) * dModel, dModel, y);
            }
            Affine.addRowBias(y, rows, decoderBiases[target]);
            out[target] = y;
        }
        return out;
    }

    @Override
    public float[] encoderVector(int layer, int feature) {
        return Arrays.copyOfRange(encoders[layer], feature * dModel, (feature + 1) * dModel);
    }

    @Override
    public float[] decoderVector(int sourceLayer, int feature, int outputLayer) {
        if (outputLayer < sourceLayer || outputLayer >= layers) {
            throw new IllegalArgumentException("a feature of layer " + sourceLayer + " writes to layers "
                    + sourceLayer + ".." + (layers - 1) + ", not " + outputLayer);
        }
        int from = (feature * (layers - sourceLayer) + outputLayer - sourceLayer) * dModel;
        return Arrays.copyOfRange(decoders[sourceLayer], from, from + dModel);
    }

    @Override
    public float[] decoderBias(int outputLayer) {
        return decoderBiases[outputLayer].clone();
    }

    @Override
    public boolean hasSkip() {
        return false;
    }

    /** Always null: the native CLT format has no skip matrix. */
    @Override
    public float[] skipMatrix(int layer) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrossLayerTranscoder c && activations.equals(c.activations)
                && Arrays.deepEquals(encoders, c.encoders) && Arrays.deepEquals(encoderBiases, c.encoderBiases)
                && Arrays.deepEquals(decoders, c.decoders) && Arrays.deepEquals(decoderBiases, c.decoderBiases);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(encoders) + Arrays.deepHashCode(decoders);
    }

    @Override
    public String toString() {
        return "CrossLayerTranscoder[L=" + layers + ", d=" + dModel + ", F=" + Arrays.toString(features) + ", "
                + activations + "]";
    }
}
