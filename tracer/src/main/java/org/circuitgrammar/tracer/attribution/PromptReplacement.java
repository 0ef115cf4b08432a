package org.circuitgrammar.tracer.attribution;

import java.util.Arrays;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.ForwardTrace;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.LanguageModel;
import org.circuitgrammar.tracer.model.LinearWeights;
import org.circuitgrammar.tracer.transcoder.Activation;
import org.circuitgrammar.tracer.transcoder.Transcoder;

/**
 * The precompute pass of spec §1.3 for one prompt: the model's recorded forward pass, the transcoder's active
 * features (ordered by layer, position, feature index; none at position 0), their activations, the error vectors
 * (true MLP output minus the reconstruction with {@code b_dec} and skip, zero at position 0), the token vectors and
 * the logit targets with their demeaned unembedding vectors.
 *
 * <p><b>Activity rule.</b> A feature is active when the transcoder's own float32 pre-activation
 * ({@link Transcoder#preActivations}, summed in index order) passes its activation function, exactly as
 * {@link Transcoder#encode} decides. Features whose pre-activation lies within {@value #NEAR_THRESHOLD} (relative to
 * {@code max(1, |θ|)}) of a JumpReLU threshold are counted in {@link #nearThresholdCount()}: a reimplementation in
 * another precision may decide them the other way, and the graph's metadata says how many there were.
 *
 * <p>Immutable after construction; arrays are owned and read by the package. Cost O(L·P·(F·d + d²)).
 */
public final class PromptReplacement {
    /** Relative distance to a JumpReLU threshold below which a decision is reported as fragile. */
    public static final double NEAR_THRESHOLD = 1e-5;

    final int[] tokens;
    final int layers;
    final int positions;
    final int dim;
    final ForwardTrace trace;
    final Transcoder transcoder;
    final Hook inputHook;
    final LinearWeights weights;
    /** Per layer the transcoder inputs {@code [P·d]}. */
    final float[][] inputs;
    /** Per layer the pre-activations {@code [P·F]}. */
    final float[][] preActivations;
    final int[] featureLayer;
    final int[] featurePosition;
    final int[] featureIndex;
    final float[] activation;
    /** Per layer the error vectors {@code [P·d]}. */
    final float[][] errors;
    /** The token vectors {@code [P·d]}. */
    final float[] tokenVectors;
    final LogitTargets targets;
    /** Per logit target the demeaned unembedding column (length d). */
    final float[][] targetVectors;
    final int nearThresholdCount;

    /**
     * @param tokens     the prompt's ids, position 0 already the special first position (see {@link #firstPosition})
     * @param inputHook  the hook the transcoder reads (its {@code feature_input_hook})
     */
    public PromptReplacement(LanguageModel model, LinearWeights weights, Transcoder transcoder, Hook inputHook,
                             int[] tokens, int maxLogits, double desiredLogitProbability) {
        if (tokens.length < 2) throw new IllegalArgumentException("a prompt needs at least one token after BOS");
        if (transcoder.layerCount() != model.config().layers() || transcoder.dModel() != model.config().dim()) {
            throw new IllegalArgumentException("the transcoder has " + transcoder.layerCount() + " layers of width "
                    + transcoder.dModel() + ", the model " + model.config().layers() + " of width "
                    + model.config().dim());
        }
        this.tokens = tokens.clone();
        this.layers = model.config().layers();
        this.positions = tokens.length;
        this.dim = model.config().dim();
        this.transcoder = transcoder;
        this.inputHook = inputHook;
        this.weights = weights;
        this.trace = model.run(tokens);
        int p = positions;
        int d = dim;
        inputs = new float[layers][];
        preActivations = new float[layers][];
        float[][] activations = new float[layers][];
        int active = 0;
        int near = 0;
        for (int l = 0; l < layers; l++) {
            inputs[l] = trace.flatActivations(inputHook, l);
            preActivations[l] = transcoder.preActivations(l, inputs[l], p);
            int f = transcoder.featureCount(l);
            Activation phi = transcoder.activation(l);
            activations[l] = new float[p * f];
            for (int pos = 1; pos < p; pos++) {
                phi.apply(preActivations[l], pos * f, f, activations[l]);
                for (int i = 0; i < f; i++) {
                    if (activations[l][pos * f + i] != 0f) active++;
                }
                if (phi instanceof Activation.JumpRelu jump) {
                    for (int i = 0; i < f; i++) {
                        double theta = jump.threshold(i);
                        if (Math.abs(preActivations[l][pos * f + i] - theta) <= NEAR_THRESHOLD * Math.max(1, Math.abs(theta))) {
                            near++;
                        }
                    }
                }
            }
        }
        nearThresholdCount = near;
        featureLayer = new int[active];
        featurePosition = new int[active];
        featureIndex = new int[active];
        activation = new float[active];
        int n = 0;
        for (int l = 0; l < layers; l++) {
            int f = transcoder.featureCount(l);
            for (int pos = 1; pos < p; pos++) {
                for (int i = 0; i < f; i++) {
                    float a = activations[l][pos * f + i];
                    if (a != 0f) {
                        featureLayer[n] = l;
                        featurePosition[n] = pos;
                        featureIndex[n] = i;
                        activation[n++] = a;
                    }
                }
            }
        }
        float[][] reconstruction = transcoder.decode(activations, transcoder.hasSkip() ? inputs : null, p);
        errors = new float[layers][];
        for (int l = 0; l < layers; l++) {
            float[] y = trace.flatActivations(Hook.MLP_OUT, l);
            float[] e = new float[p * d];
            for (int i = d; i < p * d; i++) e[i] = y[i] - reconstruction[l][i];
            errors[l] = e;
        }
        tokenVectors = new float[p * d];
        for (int pos = 0; pos < p; pos++) System.arraycopy(weights.tokenVector(tokens[pos]), 0, tokenVectors, pos * d, d);
        targets = LogitTargets.salient(trace.logits(p - 1), maxLogits, desiredLogitProbability);
        targetVectors = new float[targets.count()][];
        for (int k = 0; k < targets.count(); k++) targetVectors[k] = weights.demeanedUnembedding(targets.token(k));
    }

    /**
     * Spec §1.2 for a tokenizer whose special ids are {@code specials}: the ids unchanged when the first one is
     * special, else with {@code bos} prepended.
     */
    public static int[] firstPosition(int[] ids, int bos, int... specials) {
        if (ids.length > 0 && (ids[0] == bos || Arrays.stream(specials).anyMatch(s -> s == ids[0]))) return ids.clone();
        int[] out = new int[ids.length + 1];
        out[0] = bos;
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    public int[] tokens() { return tokens.clone(); }

    public int layers() { return layers; }

    public int positions() { return positions; }

    /** Number of active features (feature nodes before any {@code max_feature_nodes} cut). */
    public int activeCount() { return activation.length; }

    public int featureLayer(int i) { return featureLayer[i]; }

    public int featurePosition(int i) { return featurePosition[i]; }

    public int featureIndex(int i) { return featureIndex[i]; }

    public float activation(int i) { return activation[i]; }

    public LogitTargets targets() { return targets; }

    public TranscoderKind kind() { return transcoder.kind(); }

    /** Active features whose pre-activation is within {@link #NEAR_THRESHOLD} of their JumpReLU threshold. */
    public int nearThresholdCount() { return nearThresholdCount; }

    /** The activation-scaled decoder vector of active feature {@code i} at {@code outputLayer}. */
    float[] scaledDecoder(int i, int outputLayer) {
        float[] v = transcoder.decoderVector(featureLayer[i], featureIndex[i], outputLayer);
        for (int j = 0; j < v.length; j++) v[j] *= activation[i];
        return v;
    }
}
