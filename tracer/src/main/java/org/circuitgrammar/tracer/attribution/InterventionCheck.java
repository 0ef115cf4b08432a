package org.circuitgrammar.tracer.attribution;

import java.util.Arrays;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.DjlEngine;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.LinearisedModel;

/**
 * Re-checks an attribution by intervention, in float64 (spec §5.3 A): a sampled source (feature, error or token) is
 * added once more and the change of every target (feature pre-activations, demeaned logits) is pushed
 * <em>forward</em> through the frozen network — the direction the attribution never uses, so a wrong transpose
 * shows — and compared with the source's adjacency column. The error of one entry is relative to the largest
 * |edge| of its row. The sum rule checks the whole graph at once: a target's clean value minus its value with every
 * source removed (only constants left: {@code b_dec} at positions ≥ 1, the MLP output minus its skip term at
 * position 0, biases and learned positions) equals its row sum; that error is relative to the largest of the row's
 * |edges| and the two values.
 *
 * <p>Cost: one forward pass per batch of 64 sources, O(L·(P·d² + heads·P²·headSize)) per source. Deterministic
 * for a seed.
 */
public final class InterventionCheck {
    private static final int BATCH = 64;

    /**
     * @param sources                 how many source columns were sampled
     * @param maxRelativeError        the largest intervention error (relative to the row's largest |edge|)
     * @param sumRuleMaxRelativeError the largest sum-rule error
     */
    public record Result(int sources, double maxRelativeError, double sumRuleMaxRelativeError) {
        /** The larger of the two errors. */
        public double worst() {
            return Math.max(maxRelativeError, sumRuleMaxRelativeError);
        }
    }

    private InterventionCheck() {
    }

    /** Checks {@code samples} source columns drawn with {@code seed} (all of them when there are fewer). */
    public static Result check(AttributionResult g, int samples, long seed) {
        PromptReplacement pr = g.prompt();
        int[] sources = sample(g, samples, seed);
        double[] rowMax = new double[g.nodeCount()];
        for (int t = 0; t < g.nodeCount(); t++) {
            for (int s = 0; s < g.nodeCount(); s++) rowMax[t] = Math.max(rowMax[t], Math.abs(g.edge(t, s)));
        }
        int[] targets = targetNodes(g);
        try (NDManager root = DjlEngine.newManager();
             LinearisedModel linear = new LinearisedModel(pr.weights, pr.trace, pr.inputHook, skips(pr),
                     DataType.FLOAT64, root)) {
            Readout readout = new Readout(g, root);
            double worst = 0;
            for (int from = 0; from < sources.length; from += BATCH) {
                int[] batch = Arrays.copyOfRange(sources, from, Math.min(sources.length, from + BATCH));
                try (NDManager pass = root.newSubManager()) {
                    double[] change = readout.changes(pass, pushSources(g, linear, batch, pass));
                    for (int r = 0; r < batch.length; r++) {
                        for (int i = 0; i < targets.length; i++) {
                            double edge = g.edge(targets[i], batch[r]);
                            worst = Math.max(worst, Math.abs(change[r * targets.length + i] - edge)
                                    / Math.max(rowMax[targets[i]], 1e-12));
                        }
                    }
                }
            }
            double sumRule;
            try (NDManager pass = root.newSubManager()) {
                sumRule = sumRule(g, linear, readout, targets, rowMax, pass);
            }
            return new Result(sources.length, worst, sumRule);
        }
    }

    /** Feature rows then logit rows, in node order. */
    private static int[] targetNodes(AttributionResult g) {
        int nLogits = g.prompt().targets.count();
        int[] t = new int[g.featureCount() + nLogits];
        for (int i = 0; i < g.featureCount(); i++) t[i] = i;
        for (int k = 0; k < nLogits; k++) t[g.featureCount() + k] = g.logitNode(k);
        return t;
    }

    /** Source columns: features, errors at positions ≥ 1, all tokens; a seeded sample without replacement, sorted. */
    static int[] sample(AttributionResult g, int samples, long seed) {
        PromptReplacement pr = g.prompt();
        int[] all = new int[g.featureCount() + pr.layers * (pr.positions - 1) + pr.positions];
        int n = 0;
        for (int i = 0; i < g.featureCount(); i++) all[n++] = i;
        for (int l = 0; l < pr.layers; l++) for (int pos = 1; pos < pr.positions; pos++) all[n++] = g.errorNode(l, pos);
        for (int pos = 0; pos < pr.positions; pos++) all[n++] = g.tokenNode(pos);
        int take = Math.min(samples, n);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(all, take);
        Arrays.sort(chosen);
        return chosen;
    }

    private static float[][] skips(PromptReplacement pr) {
        if (!pr.transcoder.hasSkip()) return null;
        float[][] out = new float[pr.layers][];
        for (int l = 0; l < pr.layers; l++) out[l] = pr.transcoder.skipMatrix(l);
        return out;
    }

    /** Pushes one source per batch row (its vectors added at the embedding or at its MLP outputs). */
    private static LinearisedModel.Pushed pushSources(AttributionResult g, LinearisedModel linear, int[] batch,
                                                     NDManager pass) {
        PromptReplacement pr = g.prompt();
        int p = pr.positions;
        int d = pr.dim;
        int b = batch.length;
        double[] embedding = new double[b * p * d];
        double[][] outputs = new double[pr.layers][];
        for (int r = 0; r < b; r++) {
            int s = batch[r];
            if (s >= g.tokenNode(0)) {
                int pos = s - g.tokenNode(0);
                for (int j = 0; j < d; j++) embedding[(r * p + pos) * d + j] = pr.tokenVectors[pos * d + j];
            } else if (s >= g.errorNode(0, 0)) {
                int l = (s - g.errorNode(0, 0)) / p;
                int pos = (s - g.errorNode(0, 0)) % p;
                if (outputs[l] == null) outputs[l] = new double[b * p * d];
                for (int j = 0; j < d; j++) outputs[l][(r * p + pos) * d + j] = pr.errors[l][pos * d + j];
            } else {
                int f = g.selectedFeature(s);
                int last = pr.kind() == TranscoderKind.CLT ? pr.layers - 1 : pr.featureLayer[f];
                for (int out = pr.featureLayer[f]; out <= last; out++) {
                    if (outputs[out] == null) outputs[out] = new double[b * p * d];
                    float[] piece = pr.scaledDecoder(f, out);
                    for (int j = 0; j < d; j++) outputs[out][(r * p + pr.featurePosition[f]) * d + j] = piece[j];
                }
            }
        }
        Shape shape = new Shape(b, p, d);
        NDArray[] added = new NDArray[pr.layers];
        for (int l = 0; l < pr.layers; l++) added[l] = outputs[l] == null ? null : pass.create(outputs[l], shape);
        return linear.pushForward(pass, pass.create(embedding, shape), added, b, false);
    }

    /** Reads every target's value from a push: encoder rows at the features' input positions, logit vectors. */
    private static final class Readout {
        final AttributionResult g;
        final NDArray[] encoders;
        final NDArray[] positions;
        final NDArray logitVectors;

        Readout(AttributionResult g, NDManager manager) {
            this.g = g;
            PromptReplacement pr = g.prompt();
            int d = pr.dim;
            encoders = new NDArray[pr.layers];
            positions = new NDArray[pr.layers];
            for (int l = 0; l < pr.layers; l++) {
                int count = 0;
                for (int i = 0; i < g.featureCount(); i++) if (pr.featureLayer[g.selectedFeature(i)] == l) count++;
                if (count == 0) continue;
                double[] enc = new double[count * d];
                long[] pos = new long[count];
                int k = 0;
                for (int i = 0; i < g.featureCount(); i++) {
                    int f = g.selectedFeature(i);
                    if (pr.featureLayer[f] != l) continue;
                    float[] row = pr.transcoder.encoderVector(l, pr.featureIndex[f]);
                    for (int j = 0; j < d; j++) enc[k * d + j] = row[j];
                    pos[k++] = pr.featurePosition[f];
                }
                encoders[l] = manager.create(enc, new Shape(count, d));
                positions[l] = manager.create(pos);
            }
            double[] u = new double[pr.targets.count() * d];
            for (int k = 0; k < pr.targets.count(); k++) for (int j = 0; j < d; j++) u[k * d + j] = pr.targetVectors[k][j];
            logitVectors = manager.create(u, new Shape(pr.targets.count(), d));
        }

        /** {@code [B, targets]} row-major: feature targets (node order, which is layer order) then logits. */
        double[] changes(NDManager pass, LinearisedModel.Pushed pushed) {
            PromptReplacement pr = g.prompt();
            NDList parts = new NDList();
            for (int l = 0; l < pr.layers; l++) {
                if (encoders[l] == null) continue;
                parts.add(pushed.transcoderInputs()[l].get(new NDIndex(":, {}", positions[l])).mul(encoders[l])
                        .sum(new int[] {2}));
            }
            NDArray last = pushed.finalNormed().get(new NDIndex(":, " + (pr.positions - 1) + ", :"));
            parts.add(last.matMul(logitVectors.transpose()));
            return NDArrays.concat(parts, 1).toDoubleArray();
        }
    }

    private static double sumRule(AttributionResult g, LinearisedModel linear, Readout readout, int[] targets,
                                  double[] rowMax, NDManager pass) {
        PromptReplacement pr = g.prompt();
        int p = pr.positions;
        int d = pr.dim;
        float[][] skips = skips(pr);
        NDArray[] constants = new NDArray[pr.layers];
        NDArray[] clean = new NDArray[pr.layers];
        for (int l = 0; l < pr.layers; l++) {
            float[] y = pr.trace.flatActivations(Hook.MLP_OUT, l);
            float[] bias = pr.transcoder.decoderBias(l);
            double[] c = new double[p * d];
            for (int j = 0; j < d; j++) {
                double skip = 0;
                if (skips != null) {
                    for (int i = 0; i < d; i++) skip += skips[l][j * d + i] * (double) pr.inputs[l][i];
                }
                c[j] = y[j] - skip;
                for (int pos = 1; pos < p; pos++) c[pos * d + j] = bias[j];
            }
            constants[l] = pass.create(c, new Shape(1, p, d));
            double[] x = new double[p * d];
            for (int i = 0; i < p * d; i++) x[i] = pr.inputs[l][i];
            clean[l] = pass.create(x, new Shape(1, p, d));
        }
        LinearisedModel.Pushed removed = linear.pushForward(pass, null, constants, 1, true);
        // clean − removed: features through the encoder rows (the encoder bias cancels), logits from the trace
        NDArray[] difference = new NDArray[pr.layers];
        for (int l = 0; l < pr.layers; l++) difference[l] = clean[l].sub(removed.transcoderInputs()[l]);
        double[] featureDiff = readout.changes(pass, new LinearisedModel.Pushed(difference, removed.finalNormed()));
        double[] removedLogits = readout.changes(pass, removed);
        float[] logits = pr.trace.logits(p - 1);
        double mean = 0;
        for (float v : logits) mean += v;
        mean /= logits.length;
        double worst = 0;
        for (int i = 0; i < targets.length; i++) {
            double expected;
            if (i < g.featureCount()) {
                expected = featureDiff[i];
            } else {
                double cleanLogit = logits[pr.targets.token(i - g.featureCount())] - mean;
                expected = cleanLogit - removedLogits[i];
            }
            double rowSum = 0;
            for (int s = 0; s < g.nodeCount(); s++) rowSum += g.edge(targets[i], s);
            double scale = Math.max(rowMax[targets[i]], Math.abs(expected));
            if (scale > 0) worst = Math.max(worst, Math.abs(rowSum - expected) / scale);
        }
        return worst;
    }
}
