package org.circuitgrammar.tracer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.circuitgrammar.tracer.transcoder.Transcoder;

/**
 * Measures a transcoder on held-out activations through its public inference API (so a trainer's bookkeeping is
 * never trusted): per layer the fraction of variance unexplained, the mean L0 and the dead-feature share.
 * O(rows·Σ_l F_l·d); rows are processed in blocks to bound memory. Sums are in double, in row order.
 */
public final class TranscoderEvaluator {
    private static final int BLOCK = 2048;

    private TranscoderEvaluator() {
    }

    /** @throws IllegalArgumentException if the transcoder and the data disagree on layers or width */
    public static List<LayerMetrics> evaluate(Transcoder transcoder, ActivationSet data) {
        int layers = transcoder.layerCount();
        int d = transcoder.dModel();
        if (data.layerCount() != layers || data.dModel() != d) {
            throw new IllegalArgumentException("transcoder has " + layers + " layers of width " + d
                    + ", data " + data.layerCount() + " of width " + data.dModel());
        }
        double[] errors = new double[layers];
        double[] variances = new double[layers];
        long[] activeCounts = new long[layers];
        boolean[][] alive = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            alive[l] = new boolean[transcoder.featureCount(l)];
            variances[l] = centredSumOfSquares(data.targetsView(l), d);
        }
        for (int from = 0; from < data.rows(); from += BLOCK) {
            int rows = Math.min(BLOCK, data.rows() - from);
            float[][] inputs = new float[layers][];
            float[][] activations = new float[layers][];
            for (int l = 0; l < layers; l++) {
                inputs[l] = Arrays.copyOfRange(data.inputsView(l), from * d, (from + rows) * d);
                activations[l] = transcoder.encode(l, inputs[l], rows);
                float[] a = activations[l];
                int features = transcoder.featureCount(l);
                for (int i = 0; i < a.length; i++) {
                    if (a[i] != 0f) {
                        activeCounts[l]++;
                        alive[l][i % features] = true;
                    }
                }
            }
            float[][] predicted = transcoder.decode(activations, inputs, rows);
            for (int l = 0; l < layers; l++) {
                float[] target = data.targetsView(l);
                for (int i = 0; i < rows * d; i++) {
                    double diff = predicted[l][i] - target[from * d + i];
                    errors[l] += diff * diff;
                }
            }
        }
        List<LayerMetrics> metrics = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int dead = 0;
            for (boolean on : alive[l]) {
                dead += on ? 0 : 1;
            }
            metrics.add(new LayerMetrics(l, errors[l] / variances[l], activeCounts[l] / (double) data.rows(),
                    dead / (double) alive[l].length));
        }
        return List.copyOf(metrics);
    }

    private static double centredSumOfSquares(float[] values, int d) {
        double[] sums = new double[d];
        for (int i = 0; i < values.length; i++) {
            sums[i % d] += values[i];
        }
        int rows = values.length / d;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i] - sums[i % d] / rows;
            total += v * v;
        }
        return total;
    }
}
