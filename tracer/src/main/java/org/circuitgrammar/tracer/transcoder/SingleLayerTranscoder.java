package org.circuitgrammar.tracer.transcoder;

import java.util.Arrays;
import java.util.Objects;

/**
 * The transcoder of one layer (circuit-tracer's {@code SingleLayerTranscoder}): {@code F} features read a
 * {@code d}-vector {@code x}, {@code h = x·W_encᵀ + b_enc}, {@code a = φ(h)}, and predict
 * {@code ŷ = a·W_dec + b_dec (+ x·W_skipᵀ)}. Shapes as in the {@code layer_{i}.safetensors} files (spec §4.2):
 * {@code W_enc [F,d]}, {@code b_enc [F]}, {@code W_dec [F,d]}, {@code b_dec [d]}, {@code W_skip [d,d]} optional.
 * Immutable: arrays are copied in and out.
 */
public final class SingleLayerTranscoder {
    private final int features;
    private final int dModel;
    private final float[] encoder;
    private final float[] encoderBias;
    private final float[] decoder;
    private final float[] decoderBias;
    private final float[] skip;
    private final Activation activation;

    /**
     * @param skip {@code W_skip} as {@code [d_out, d_in]} row-major, or {@code null} for none
     * @throws IllegalArgumentException if a shape disagrees with {@code F = b_enc.length}, {@code d = b_dec.length}
     */
    public SingleLayerTranscoder(float[] encoder, float[] encoderBias, float[] decoder, float[] decoderBias,
                                 float[] skip, Activation activation) {
        this.features = encoderBias.length;
        this.dModel = decoderBias.length;
        Affine.requireLength("W_enc", encoder, (long) features * dModel);
        Affine.requireLength("W_dec", decoder, (long) features * dModel);
        if (skip != null) {
            Affine.requireLength("W_skip", skip, (long) dModel * dModel);
        }
        if (activation instanceof Activation.JumpRelu jump && jump.thresholds().length != features) {
            throw new IllegalArgumentException("threshold has " + jump.thresholds().length + " values, expected "
                    + features);
        }
        this.encoder = encoder.clone();
        this.encoderBias = encoderBias.clone();
        this.decoder = decoder.clone();
        this.decoderBias = decoderBias.clone();
        this.skip = skip == null ? null : skip.clone();
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    public int featureCount() {
        return features;
    }

    public int dModel() {
        return dModel;
    }

    public Activation activation() {
        return activation;
    }

    public boolean hasSkip() {
        return skip != null;
    }

    /** {@code W_enc} {@code [F,d]}, a copy. */
    public float[] encoderWeights() {
        return encoder.clone();
    }

    public float[] encoderBias() {
        return encoderBias.clone();
    }

    /** {@code W_dec} {@code [F,d]}, a copy. */
    public float[] decoderWeights() {
        return decoder.clone();
    }

    public float[] decoderBias() {
        return decoderBias.clone();
    }

    /** {@code W_skip} {@code [d,d]}, a copy, or {@code null}. */
    public float[] skipWeights() {
        return skip == null ? null : skip.clone();
    }

    public float[] encoderVector(int feature) {
        return Arrays.copyOfRange(encoder, feature * dModel, (feature + 1) * dModel);
    }

    public float[] decoderVector(int feature) {
        return Arrays.copyOfRange(decoder, feature * dModel, (feature + 1) * dModel);
    }

    /** {@code h = x·W_encᵀ + b_enc}, {@code rows × F}. O(rows·F·d). */
    public float[] preActivations(float[] x, int rows) {
        Affine.requireLength("x", x, (long) rows * dModel);
        return Affine.timesTransposed(x, rows, dModel, encoder, features, encoderBias);
    }

    /** {@code φ(h)}, {@code rows × F}. */
    public float[] encode(float[] x, int rows) {
        float[] h = preActivations(x, rows);
        for (int r = 0; r < rows; r++) {
            activation.apply(h, r * features, features, h);
        }
        return h;
    }

    /**
     * {@code a·W_dec + b_dec + x·W_skipᵀ} for activations {@code rows × F}; {@code x} may be null without a skip.
     * O(rows·F + nnz·d + rows·d²).
     */
    public float[] decode(float[] activations, float[] x, int rows) {
        Affine.requireLength("activations", activations, (long) rows * features);
        float[] out = skipTerm(x, rows);
        Affine.addSparseTimes(activations, rows, features, decoder, dModel, 0, dModel, out);
        Affine.addRowBias(out, rows, decoderBias);
        return out;
    }

    /** {@code x·W_skipᵀ}, or zeros without a skip matrix. */
    float[] skipTerm(float[] x, int rows) {
        if (skip == null) {
            return new float[rows * dModel];
        }
        Affine.requireLength("x", x, (long) rows * dModel);
        return Affine.timesTransposed(x, rows, dModel, skip, dModel, null);
    }

    /** {@code decode(encode(x), x)}. */
    public float[] reconstruct(float[] x, int rows) {
        return decode(encode(x, rows), x, rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SingleLayerTranscoder t && activation.equals(t.activation)
                && Arrays.equals(encoder, t.encoder) && Arrays.equals(encoderBias, t.encoderBias)
                && Arrays.equals(decoder, t.decoder) && Arrays.equals(decoderBias, t.decoderBias)
                && Arrays.equals(skip, t.skip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activation, Arrays.hashCode(encoder), Arrays.hashCode(decoder),
                Arrays.hashCode(encoderBias), Arrays.hashCode(decoderBias), Arrays.hashCode(skip));
    }

    @Override
    public String toString() {
        return "SingleLayerTranscoder[F=" + features + ", d=" + dModel + ", " + activation
                + (skip == null ? "" : ", skip") + "]";
    }
}
