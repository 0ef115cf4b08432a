package org.circuitgrammar.tracer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.transcoder.Activation;
import org.circuitgrammar.tracer.transcoder.CrossLayerTranscoder;
import org.circuitgrammar.tracer.transcoder.SingleLayerTranscoder;
import org.circuitgrammar.tracer.transcoder.Transcoder;
import org.circuitgrammar.tracer.transcoder.TranscoderSet;

/**
 * Fits a per-layer or cross-layer transcoder to paired activations with Adam and hand-written gradients on float
 * arrays (for d = 64 this beats DJL autograd, whose per-operator native calls dominate at these sizes; see the
 * transcoders README for the measurement).
 *
 * <p>One code path covers both kinds: a feature of source layer {@code l} has {@code reach(l)} decoder rows, 1 for a
 * PLT and {@code L − l} for a CLT. Inputs and targets are scaled per layer to unit mean square (inputs) and unit
 * variance (targets), so the loss {@code (1/L)·Σ_l ‖ŷ_l − y_l‖²/d} is close to the mean fraction of variance
 * unexplained; the scales are folded back into the weights of the returned transcoder.
 *
 * <p>Cost per step: O(L·B·F·d) for the dense encoder plus O(nnz·reach·d) for the sparse decoder and gradients, with
 * B the batch size and nnz the active features in the batch.
 *
 * <p>Determinism: the seed fixes the initialisation (one {@link SplittableRandom} split per tensor, in a fixed
 * order) and the batch order (a seeded permutation per epoch). Parallel work is cut into fixed chunks whose every
 * output element is written by exactly one chunk, summing in row order, so the weights are bit-identical whatever
 * the thread count.
 */
public final class TranscoderTrainer {
    /** Adam's moment decays and epsilon. */
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    /** Fraction of the steps at the full learning rate before the linear decay to zero. */
    private static final double DECAY_START = 0.8;
    /** Weight of the newest batch in the running BatchTopK threshold. */
    private static final float THRESHOLD_MOMENTUM = 0.01f;
    private static final int ROW_CHUNK = 16;
    private static final int FEATURE_CHUNK = 16;

    /** Receives the loss after every step. */
    @FunctionalInterface
    public interface ProgressListener {
        void stepDone(int step, double loss);
    }

    private final TrainingOptions options;
    private final int threads;

    /** @param threads worker threads (>= 1); the result does not depend on it */
    public TranscoderTrainer(TrainingOptions options, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.options = options;
        this.threads = threads;
    }

    /** Trains on {@code data} and returns the transcoder in the data's original units. */
    public Transcoder train(ActivationSet data, ProgressListener listener) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Run run = new Run(data, pool);
            for (int step = 0; step < options.steps(); step++) {
                double loss = run.step(step);
                if (listener != null) {
                    listener.stepDone(step, loss);
                }
            }
            return run.toTranscoder();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The first batch of a run and, before any update, the initial weights, the loss and the hand-written
     * gradients, all in the trainer's scaled units, per layer (skip entries null without a skip matrix). Exists so
     * that tests can check the backward pass against an autograd engine.
     */
    record FirstStep(double loss, float[][] inputs, float[][] targets, float[][] encoder, float[][] encoderBias,
                     float[][] decoder, float[][] decoderBias, float[][] skip, float[][] encoderGrad,
                     float[][] encoderBiasGrad, float[][] decoderGrad, float[][] decoderBiasGrad, float[][] skipGrad) {}

    /** Gathers the first batch of {@code data} and computes its loss and gradients without updating anything. */
    FirstStep firstStep(ActivationSet data) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Run run = new Run(data, pool);
            double loss = run.gradients();
            return new FirstStep(loss, copy(run.bx), copy(run.by), values(run.encoder), values(run.encoderBias),
                    values(run.decoder), values(run.decoderBias), values(run.skip), grads(run.encoder),
                    grads(run.encoderBias), grads(run.decoder), grads(run.decoderBias), grads(run.skip));
        } finally {
            pool.shutdown();
        }
    }

    private static float[][] copy(float[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    private static float[][] values(Tensor[] t) {
        if (t == null) return null;
        float[][] out = new float[t.length][];
        for (int i = 0; i < t.length; i++) out[i] = t[i].value.clone();
        return out;
    }

    private static float[][] grads(Tensor[] t) {
        if (t == null) return null;
        float[][] out = new float[t.length][];
        for (int i = 0; i < t.length; i++) out[i] = t[i].grad.clone();
        return out;
    }

    /** A trainable array with its gradient and Adam moments. */
    private static final class Tensor {
        final float[] value;
        final float[] grad;
        final float[] m;
        final float[] v;

        Tensor(float[] value) {
            this.value = value;
            this.grad = new float[value.length];
            this.m = new float[value.length];
            this.v = new float[value.length];
        }

        void adam(float lr, int t) {
            float c1 = 1f - (float) Math.pow(BETA1, t);
            float c2 = 1f - (float) Math.pow(BETA2, t);
            for (int i = 0; i < value.length; i++) {
                float g = grad[i];
                m[i] = BETA1 * m[i] + (1f - BETA1) * g;
                v[i] = BETA2 * v[i] + (1f - BETA2) * g * g;
                value[i] -= lr * (m[i] / c1) / ((float) Math.sqrt(v[i] / c2) + EPSILON);
            }
        }
    }

    /** The state of one training run. */
    private final class Run {
        final ForkJoinPool pool;
        final int layers;
        final int d;
        final int features;
        final int rows;
        final int batch;
        final int[] reach;
        final float[] inputScale;
        final float[] targetScale;
        final float[][] x;
        final float[][] y;
        final Tensor[] encoder;
        final Tensor[] encoderBias;
        final Tensor[] decoder;
        final Tensor[] decoderBias;
        final Tensor[] skip;
        final List<Tensor> all = new ArrayList<>();
        final float[] batchThreshold;
        final int[] order;
        final SplittableRandom shuffle;
        int cursor;
        // per-step buffers
        final float[][] bx;
        final float[][] by;
        final float[][] act;
        final float[][] dh;
        final float[][] residual;
        final float[] rowLoss;
        final int[][] featureStart;
        final int[][] featureRows;

        Run(ActivationSet data, ForkJoinPool pool) {
            this.pool = pool;
            this.layers = data.layerCount();
            this.d = data.dModel();
            this.features = options.features();
            this.rows = data.rows();
            this.batch = Math.min(options.batchSize(), rows);
            this.reach = new int[layers];
            for (int l = 0; l < layers; l++) {
                reach[l] = options.kind() == TranscoderKind.CLT ? layers - l : 1;
            }
            inputScale = new float[layers];
            targetScale = new float[layers];
            x = new float[layers][];
            y = new float[layers][];
            for (int l = 0; l < layers; l++) {
                inputScale[l] = rootMeanSquare(data.inputsView(l), d, false);
                targetScale[l] = rootMeanSquare(data.targetsView(l), d, true);
                x[l] = scaled(data.inputsView(l), inputScale[l]);
                y[l] = scaled(data.targetsView(l), targetScale[l]);
            }
            SplittableRandom root = new SplittableRandom(options.seed());
            encoder = new Tensor[layers];
            encoderBias = new Tensor[layers];
            decoder = new Tensor[layers];
            decoderBias = new Tensor[layers];
            skip = options.skip() ? new Tensor[layers] : null;
            for (int l = 0; l < layers; l++) {
                encoder[l] = add(gaussian(root.split(), features * d, 1.0 / Math.sqrt(d)));
                encoderBias[l] = add(new float[features]);
                decoder[l] = add(gaussian(root.split(), features * reach[l] * d, 0.1 / Math.sqrt(d * reach[l])));
                decoderBias[l] = add(columnMeans(y[l], d));
                if (skip != null) {
                    skip[l] = add(new float[d * d]);
                }
            }
            batchThreshold = new float[layers];
            Arrays.fill(batchThreshold, Float.NaN);
            shuffle = root.split();
            order = IntStream.range(0, rows).toArray();
            cursor = rows;
            bx = new float[layers][batch * d];
            by = new float[layers][batch * d];
            act = new float[layers][batch * features];
            dh = new float[layers][batch * features];
            residual = new float[layers][batch * d];
            rowLoss = new float[batch];
            featureStart = new int[layers][features + 1];
            featureRows = new int[layers][batch * features];
        }

        private Tensor add(float[] value) {
            Tensor t = new Tensor(value);
            all.add(t);
            return t;
        }

        double step(int step) {
            double loss = gradients();
            float lr = learningRate(step);
            parallel(all.size(), i -> all.get(i).adam(lr, step + 1));
            return loss;
        }

        /** Gathers the next batch and fills every tensor's gradient; returns the batch loss. */
        double gradients() {
            gatherBatch();
            parallel(chunks(batch, ROW_CHUNK), chunk -> encodeRows(chunk * ROW_CHUNK));
            activate();
            parallel(chunks(batch, ROW_CHUNK), chunk -> decodeRows(chunk * ROW_CHUNK));
            double loss = 0;
            for (int b = 0; b < batch; b++) {
                loss += rowLoss[b];
            }
            indexActiveRows();
            int featureChunks = chunks(features, FEATURE_CHUNK);
            parallel(layers * featureChunks, task -> featureGradients(task / featureChunks,
                    (task % featureChunks) * FEATURE_CHUNK));
            parallel(layers, this::outputGradients);
            return loss;
        }

        private float learningRate(int step) {
            double start = DECAY_START * options.steps();
            if (step < start) {
                return options.learningRate();
            }
            return (float) (options.learningRate() * (options.steps() - step) / (options.steps() - start));
        }

        private void gatherBatch() {
            for (int b = 0; b < batch; b++) {
                if (cursor == rows) {
                    for (int i = rows - 1; i > 0; i--) {
                        int j = shuffle.nextInt(i + 1);
                        int tmp = order[i];
                        order[i] = order[j];
                        order[j] = tmp;
                    }
                    cursor = 0;
                }
                int r = order[cursor++];
                for (int l = 0; l < layers; l++) {
                    System.arraycopy(x[l], r * d, bx[l], b * d, d);
                    System.arraycopy(y[l], r * d, by[l], b * d, d);
                }
            }
        }

        /** Pre-activations of rows [from, from + ROW_CHUNK) at every layer, into {@code act}. */
        private void encodeRows(int from) {
            int to = Math.min(batch, from + ROW_CHUNK);
            for (int l = 0; l < layers; l++) {
                float[] w = encoder[l].value;
                float[] bias = encoderBias[l].value;
                float[] in = bx[l];
                float[] h = act[l];
                for (int b = from; b < to; b++) {
                    int xo = b * d;
                    for (int f = 0; f < features; f++) {
                        int wo = f * d;
                        float s = bias[f];
                        for (int j = 0; j < d; j++) {
                            s += in[xo + j] * w[wo + j];
                        }
                        h[b * features + f] = s;
                    }
                }
            }
        }

        /** Applies the trained activation in place; zero means inactive (no gradient). */
        private void activate() {
            switch (options.activation()) {
                case RELU -> {
                    Activation relu = new Activation.Relu();
                    for (int l = 0; l < layers; l++) {
                        relu.apply(act[l], 0, batch * features, act[l]);
                    }
                }
                case TOPK -> {
                    Activation topK = new Activation.TopK(options.k());
                    parallel(layers * chunks(batch, ROW_CHUNK), task -> {
                        int l = task % layers;
                        int from = (task / layers) * ROW_CHUNK;
                        for (int b = from; b < Math.min(batch, from + ROW_CHUNK); b++) {
                            topK.apply(act[l], b * features, features, act[l]);
                        }
                    });
                }
                case JUMPRELU -> {
                    for (int l = 0; l < layers; l++) {
                        batchTopK(l);
                    }
                }
            }
        }

        /** Keeps the k·batch largest positive pre-activations of layer l; tracks the smallest kept value. */
        private void batchTopK(int l) {
            float[] h = act[l];
            int keep = options.k() * batch;
            float[] copy = h.clone();
            float cut = kthLargest(copy, keep);
            float threshold = Math.max(cut, 0f);
            float smallestKept = Float.POSITIVE_INFINITY;
            for (int i = 0; i < h.length; i++) {
                if (h[i] >= threshold && h[i] > 0f) {
                    smallestKept = Math.min(smallestKept, h[i]);
                } else {
                    h[i] = 0f;
                }
            }
            if (smallestKept != Float.POSITIVE_INFINITY) {
                batchThreshold[l] = Float.isNaN(batchThreshold[l]) ? smallestKept
                        : (1f - THRESHOLD_MOMENTUM) * batchThreshold[l] + THRESHOLD_MOMENTUM * smallestKept;
            }
        }

        /** Reconstruction, residual, per-row loss and activation gradient of rows [from, from + ROW_CHUNK). */
        private void decodeRows(int from) {
            int to = Math.min(batch, from + ROW_CHUNK);
            float scale = 2f / (batch * d * layers);
            float l1 = options.l1() / (batch * layers);
            for (int b = from; b < to; b++) {
                double loss = 0;
                for (int t = 0; t < layers; t++) {
                    float[] out = residual[t];
                    int o = b * d;
                    System.arraycopy(decoderBias[t].value, 0, out, o, d);
                    if (skip != null) {
                        float[] w = skip[t].value;
                        for (int i = 0; i < d; i++) {
                            float s = 0f;
                            for (int j = 0; j < d; j++) {
                                s += bx[t][o + j] * w[i * d + j];
                            }
                            out[o + i] += s;
                        }
                    }
                    for (int l = 0; l <= t; l++) {
                        if (t - l >= reach[l]) {
                            continue;
                        }
                        float[] a = act[l];
                        float[] w = decoder[l].value;
                        int stride = reach[l] * d;
                        int slice = (t - l) * d;
                        for (int f = 0; f < features; f++) {
                            float v = a[b * features + f];
                            if (v != 0f) {
                                int wo = f * stride + slice;
                                for (int j = 0; j < d; j++) {
                                    out[o + j] += v * w[wo + j];
                                }
                            }
                        }
                    }
                    double sq = 0;
                    for (int j = 0; j < d; j++) {
                        float diff = out[o + j] - by[t][o + j];
                        sq += (double) diff * diff;
                        out[o + j] = scale * diff;
                    }
                    loss += sq / (d * (double) batch * layers);
                }
                for (int l = 0; l < layers; l++) {
                    float[] a = act[l];
                    float[] g = dh[l];
                    float[] w = decoder[l].value;
                    int stride = reach[l] * d;
                    for (int f = 0; f < features; f++) {
                        int i = b * features + f;
                        if (a[i] == 0f) {
                            g[i] = 0f;
                            continue;
                        }
                        float s = 0f;
                        float norm = 0f;
                        for (int j = 0; j < reach[l]; j++) {
                            float[] r = residual[l + j];
                            int wo = f * stride + j * d;
                            for (int c = 0; c < d; c++) {
                                s += r[b * d + c] * w[wo + c];
                                norm += w[wo + c] * w[wo + c];
                            }
                        }
                        if (l1 > 0) {
                            float n = (float) Math.sqrt(norm);
                            s += l1 * n;
                            loss += l1 * a[i] * n;
                        }
                        g[i] = s;
                    }
                }
                rowLoss[b] = (float) loss;
            }
        }

        /** For every layer, the rows where each feature is active, in row order (CSR by feature). */
        private void indexActiveRows() {
            for (int l = 0; l < layers; l++) {
                int[] start = featureStart[l];
                Arrays.fill(start, 0);
                float[] a = act[l];
                for (int i = 0; i < batch * features; i++) {
                    if (a[i] != 0f) {
                        start[i % features + 1]++;
                    }
                }
                for (int f = 0; f < features; f++) {
                    start[f + 1] += start[f];
                }
                int[] fill = Arrays.copyOf(start, features);
                int[] list = featureRows[l];
                for (int b = 0; b < batch; b++) {
                    for (int f = 0; f < features; f++) {
                        if (a[b * features + f] != 0f) {
                            list[fill[f]++] = b;
                        }
                    }
                }
            }
        }

        /** Encoder and decoder gradients of features [from, from + FEATURE_CHUNK) of layer l. */
        private void featureGradients(int l, int from) {
            int to = Math.min(features, from + FEATURE_CHUNK);
            float[] gEnc = encoder[l].grad;
            float[] gBias = encoderBias[l].grad;
            float[] gDec = decoder[l].grad;
            float[] wDec = decoder[l].value;
            int stride = reach[l] * d;
            float l1 = options.l1() / (batch * layers);
            for (int f = from; f < to; f++) {
                Arrays.fill(gEnc, f * d, (f + 1) * d, 0f);
                Arrays.fill(gDec, f * stride, (f + 1) * stride, 0f);
                float biasGrad = 0f;
                float activationSum = 0f;
                for (int p = featureStart[l][f]; p < featureStart[l][f + 1]; p++) {
                    int b = featureRows[l][p];
                    float g = dh[l][b * features + f];
                    float a = act[l][b * features + f];
                    activationSum += a;
                    biasGrad += g;
                    for (int j = 0; j < d; j++) {
                        gEnc[f * d + j] += g * bx[l][b * d + j];
                    }
                    for (int s = 0; s < reach[l]; s++) {
                        float[] r = residual[l + s];
                        int go = f * stride + s * d;
                        for (int j = 0; j < d; j++) {
                            gDec[go + j] += a * r[b * d + j];
                        }
                    }
                }
                gBias[f] = biasGrad;
                if (l1 > 0 && activationSum != 0f) {
                    float norm = 0f;
                    for (int i = f * stride; i < (f + 1) * stride; i++) {
                        norm += wDec[i] * wDec[i];
                    }
                    float coef = l1 * activationSum / (float) Math.max(Math.sqrt(norm), 1e-12);
                    for (int i = f * stride; i < (f + 1) * stride; i++) {
                        gDec[i] += coef * wDec[i];
                    }
                }
            }
        }

        /** Decoder bias and skip gradients of output layer t. */
        private void outputGradients(int t) {
            float[] gBias = decoderBias[t].grad;
            Arrays.fill(gBias, 0f);
            float[] r = residual[t];
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < d; j++) {
                    gBias[j] += r[b * d + j];
                }
            }
            if (skip != null) {
                float[] g = skip[t].grad;
                Arrays.fill(g, 0f);
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < d; i++) {
                        float ri = r[b * d + i];
                        for (int j = 0; j < d; j++) {
                            g[i * d + j] += ri * bx[t][b * d + j];
                        }
                    }
                }
            }
        }

        /** The trained weights with the input and target scales folded in. */
        Transcoder toTranscoder() {
            float[][] enc = new float[layers][];
            float[][] encBias = new float[layers][];
            float[][] dec = new float[layers][];
            float[][] decBias = new float[layers][];
            List<Activation> activations = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                enc[l] = scaled(encoder[l].value, inputScale[l]);
                encBias[l] = encoderBias[l].value.clone();
                dec[l] = decoder[l].value.clone();
                int stride = reach[l] * d;
                for (int f = 0; f < features; f++) {
                    for (int s = 0; s < reach[l]; s++) {
                        for (int j = 0; j < d; j++) {
                            dec[l][f * stride + s * d + j] *= targetScale[l + s];
                        }
                    }
                }
                decBias[l] = scaled(decoderBias[l].value, 1f / targetScale[l]);
                activations.add(switch (options.activation()) {
                    case RELU -> new Activation.Relu();
                    case TOPK -> new Activation.TopK(options.k());
                    case JUMPRELU -> {
                        float[] theta = new float[features];
                        Arrays.fill(theta, Float.isNaN(batchThreshold[l]) ? 0f : batchThreshold[l]);
                        yield new Activation.JumpRelu(theta);
                    }
                });
            }
            if (options.kind() == TranscoderKind.CLT) {
                return new CrossLayerTranscoder(enc, encBias, dec, decBias, activations);
            }
            List<SingleLayerTranscoder> set = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                float[] skipWeights = skip == null ? null : scaled(skip[l].value, inputScale[l] / targetScale[l]);
                set.add(new SingleLayerTranscoder(enc[l], encBias[l], dec[l], decBias[l], skipWeights,
                        activations.get(l)));
            }
            return new TranscoderSet(set);
        }

        private void parallel(int tasks, IntConsumer task) {
            if (threads == 1) {
                for (int i = 0; i < tasks; i++) {
                    task.accept(i);
                }
                return;
            }
            pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(task)).join();
        }
    }

    private static int chunks(int n, int size) {
        return (n + size - 1) / size;
    }

    /** sqrt(mean over rows of ‖v‖²/d) of a {@code rows × d} array, around the column means when {@code centred}. */
    private static float rootMeanSquare(float[] values, int d, boolean centred) {
        float[] means = centred ? columnMeans(values, d) : new float[d];
        double sumSq = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i] - means[i % d];
            sumSq += v * v;
        }
        return (float) Math.max(Math.sqrt(sumSq / values.length), 1e-12);
    }

    private static float[] columnMeans(float[] values, int d) {
        double[] sums = new double[d];
        for (int i = 0; i < values.length; i++) {
            sums[i % d] += values[i];
        }
        float[] means = new float[d];
        int rows = values.length / d;
        for (int j = 0; j < d; j++) {
            means[j] = (float) (sums[j] / rows);
        }
        return means;
    }

    private static float[] scaled(float[] values, float divisor) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / divisor;
        }
        return out;
    }

    private static float[] gaussian(SplittableRandom rng, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        return v;
    }

    /** The value with {@code rank} values at or above it (the rank-th largest); reorders {@code values}. O(n) expected. */
    static float kthLargest(float[] values, int rank) {
        if (rank >= values.length) {
            float min = Float.POSITIVE_INFINITY;
            for (float v : values) {
                min = Math.min(min, v);
            }
            return min;
        }
        int target = rank - 1;
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            float pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] > pivot) {
                    i++;
                }
                while (values[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float tmp = values[i];
                    values[i] = values[j];
                    values[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }
}
