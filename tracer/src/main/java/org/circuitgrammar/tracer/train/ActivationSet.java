package org.circuitgrammar.tracer.train;

import java.util.Arrays;

/**
 * Paired activations for transcoder training and evaluation: for each of {@code L} layers, {@code rows} input
 * vectors (the feature input hook) and {@code rows} target vectors (the MLP output hook), each {@code rows × d}
 * row-major. Row {@code r} is the same token position at every layer. Immutable: arrays are copied in and out.
 */
public final class ActivationSet {
    private final int rows;
    private final int dModel;
    private final float[][] inputs;
    private final float[][] targets;

    /** @throws IllegalArgumentException if the layer counts or array lengths disagree */
    public ActivationSet(int rows, int dModel, float[][] inputs, float[][] targets) {
        if (rows < 1 || dModel < 1 || inputs.length == 0 || inputs.length != targets.length) {
            throw new IllegalArgumentException("need rows, d >= 1 and the same number (>= 1) of input and target"
                    + " layers");
        }
        this.rows = rows;
        this.dModel = dModel;
        this.inputs = new float[inputs.length][];
        this.targets = new float[inputs.length][];
        for (int l = 0; l < inputs.length; l++) {
            if (inputs[l].length != rows * dModel || targets[l].length != rows * dModel) {
                throw new IllegalArgumentException("layer " + l + ": expected " + rows * dModel + " values");
            }
            this.inputs[l] = inputs[l].clone();
            this.targets[l] = targets[l].clone();
        }
    }

    public int rows() {
        return rows;
    }

    public int dModel() {
        return dModel;
    }

    public int layerCount() {
        return inputs.length;
    }

    /** Inputs of {@code layer}, {@code rows × d}, a copy. */
    public float[] inputs(int layer) {
        return inputs[layer].clone();
    }

    /** Targets of {@code layer}, {@code rows × d}, a copy. */
    public float[] targets(int layer) {
        return targets[layer].clone();
    }

    /** The first {@code count} rows (a copy). */
    public ActivationSet head(int count) {
        if (count < 1 || count > rows) {
            throw new IllegalArgumentException("head(" + count + ") of " + rows + " rows");
        }
        float[][] in = new float[inputs.length][];
        float[][] out = new float[inputs.length][];
        for (int l = 0; l < inputs.length; l++) {
            in[l] = Arrays.copyOf(inputs[l], count * dModel);
            out[l] = Arrays.copyOf(targets[l], count * dModel);
        }
        return new ActivationSet(count, dModel, in, out);
    }

    /** Read-only access for the trainer and evaluator, which must not copy per batch. */
    float[] inputsView(int layer) {
        return inputs[layer];
    }

    float[] targetsView(int layer) {
        return targets[layer];
    }
}
