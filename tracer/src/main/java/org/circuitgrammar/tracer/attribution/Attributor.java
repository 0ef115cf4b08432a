package org.circuitgrammar.tracer.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.DjlEngine;
import org.circuitgrammar.tracer.model.LinearisedModel;

/**
 * Computes the edges of an attribution graph (spec §1.7–1.8) by batched backward passes through the prompt's
 * {@link LinearisedModel}: each batch row seeds one target (a feature's raw encoder row at its input hook and
 * position, or a logit's demeaned unembedding column at the final normed residual, last position), and the gradient
 * read at every MLP output and at the embedding is dotted with the sources written there, all as DJL tensor
 * operations: {@code A[t, feature s] = Σ_{pieces (l', p) of s} (a_s·W_dec_s^{(l')})·G_t,l'[p]} (one piece for a PLT,
 * one per output layer for a CLT, pieces at or above the target's layer contributing zero),
 * {@code A[t, error (l,p)] = e_l[p]·G_t,l[p]} and {@code A[t, token p] = v_p·G_t,emb[p]}.
 *
 * <p>Rows are computed for the logits first, then for the features: all of them in node order when
 * {@code maxFeatureNodes} covers every active feature, otherwise by rounds of {@code updateInterval·batchSize}
 * features ranked by their partial influence on the logits through the rows computed so far; columns of features
 * never visited are dropped (spec §1.8).
 *
 * <p>Cost: one backward pass per batch of {@code batchSize} rows, O(L·B·(P·d² + heads·P²·headSize)), plus
 * O(B·pieces·d) for the dot products (one batched product per layer over positions, pieces zero-padded to the
 * busiest position); memory O(N²) floats for the result plus O(B·P·d) per layer and pass.
 * Deterministic: the same prompt and options give the same bits (one PyTorch thread; no randomness).
 */
public final class Attributor {
    /**
     * @param maxLogits               at most this many logit targets (circuit-tracer's {@code max_n_logits})
     * @param desiredLogitProbability cumulative probability at which to stop adding logit targets
     * @param batchSize               rows per backward pass
     * @param maxFeatureNodes         most feature rows; {@code Integer.MAX_VALUE} for all active features
     * @param updateInterval          batches between re-rankings when {@code maxFeatureNodes} cuts
     */
    public record Options(int maxLogits, double desiredLogitProbability, int batchSize, int maxFeatureNodes,
                          int updateInterval) {
        /** circuit-tracer's defaults: 10 logits up to 0.95, batch 256, all features, re-rank every 4 batches. */
        public static final Options DEFAULTS = new Options(10, 0.95, 256, Integer.MAX_VALUE, 4);

        public Options {
            if (maxLogits < 1 || batchSize < 1 || maxFeatureNodes < 0 || updateInterval < 1
                    || !(desiredLogitProbability > 0 && desiredLogitProbability <= 1)) {
                throw new IllegalArgumentException("invalid attribution options: " + this);
            }
        }
    }

    /** Most iterations of the partial-influence series before it must have vanished (the graph is a DAG). */
    private static final int MAX_PARTIAL_INFLUENCE_STEPS = 128;

    private Attributor() {
    }

    /** Attributes every logit target and the chosen feature targets of {@code prompt}. */
    public static AttributionResult attribute(PromptReplacement prompt, Options options) {
        try (NDManager root = DjlEngine.newManager();
             LinearisedModel linear = new LinearisedModel(prompt.weights, prompt.trace, prompt.inputHook,
                     skips(prompt), DataType.FLOAT32, root)) {
            Sources sources = new Sources(prompt, root);
            int nActive = prompt.activeCount();
            int nLogits = prompt.targets.count();
            int width = sources.width();
            int budget = Math.min(options.maxFeatureNodes(), nActive);
            if (budget == nActive) {
                // every feature gets a row: the layout is known, rows go straight into the adjacency
                int[] all = new int[nActive];
                Arrays.setAll(all, i -> i);
                int n = width + nLogits;
                float[] adjacency = new float[n * n];
                RowSink direct = (node, row) -> System.arraycopy(row, 0, adjacency,
                        (node < 0 ? width + (-1 - node) : node) * n, width);
                for (int[] batch : batches(logitTargets(nLogits), options.batchSize())) {
                    addRows(prompt, linear, sources, batch, root, direct);
                }
                for (int[] batch : batches(all, options.batchSize())) {
                    addRows(prompt, linear, sources, batch, root, direct);
                }
                return new AttributionResult(prompt, all, adjacency);
            }
            List<float[]> rows = new ArrayList<>();
            List<Integer> rowNodes = new ArrayList<>(); // -1-k for logit k, else the active-feature index
            RowSink collect = (node, row) -> {
                rows.add(row.clone());
                rowNodes.add(node);
            };
            for (int[] batch : batches(logitTargets(nLogits), options.batchSize())) {
                addRows(prompt, linear, sources, batch, root, collect);
            }
            boolean[] visited = new boolean[nActive];
            for (int done = 0; done < budget; ) {
                double[] influence = partialInfluence(rows, rowNodes, prompt, width);
                int take = Math.min(options.updateInterval() * options.batchSize(), budget - done);
                int[] chosen = topUnvisited(influence, visited, take);
                Arrays.sort(chosen);
                for (int[] batch : batches(chosen, options.batchSize())) {
                    addRows(prompt, linear, sources, batch, root, collect);
                }
                for (int f : chosen) visited[f] = true;
                done += chosen.length;
            }
            return assemble(prompt, visited, rows, rowNodes, width);
        }
    }

    /** Receives one computed row (columns: active features, errors, tokens) for a node ({@code -1-k}: logit k). */
    @FunctionalInterface
    private interface RowSink {
        void accept(int node, float[] row);
    }

    private static int[] logitTargets(int count) {
        int[] t = new int[count];
        Arrays.setAll(t, k -> -1 - k);
        return t;
    }

    private static List<int[]> batches(int[] targets, int size) {
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < targets.length; from += size) {
            out.add(Arrays.copyOfRange(targets, from, Math.min(targets.length, from + size)));
        }
        return out;
    }

    private static float[][] skips(PromptReplacement prompt) {
        if (!prompt.transcoder.hasSkip()) return null;
        float[][] out = new float[prompt.layers][];
        for (int l = 0; l < prompt.layers; l++) out[l] = prompt.transcoder.skipMatrix(l);
        return out;
    }

    /**
     * The per-prompt source tensors: per output layer the activation-scaled decoder pieces landing there (a
     * contiguous range of active features: the layer's own for a PLT, layers 0..l' for a CLT), grouped by position
     * into {@code [P, d, slots]} (zero-padded) so that one batched matrix product per layer dots them with the
     * gradient, and the column of each piece in the flattened {@code [P·slots]} product; then the error and token
     * vectors. Column space of a row: [active features | errors | tokens].
     */
    private static final class Sources {
        final int[] from;
        final int[] to;
        final NDArray[] decoders;
        final NDArray[] columns;
        final NDArray errors;
        final NDArray tokens;
        final int nActive;
        final int layers;
        final int p;

        Sources(PromptReplacement prompt, NDManager manager) {
            layers = prompt.layers;
            p = prompt.positions;
            int d = prompt.dim;
            nActive = prompt.activeCount();
            int[] layerStart = new int[layers + 1];
            for (int l = 0, i = 0; l <= layers; l++) {
                while (i < nActive && prompt.featureLayer[i] < l) i++;
                layerStart[l] = i;
            }
            from = new int[layers];
            to = new int[layers];
            decoders = new NDArray[layers];
            columns = new NDArray[layers];
            boolean crossLayer = prompt.kind() == TranscoderKind.CLT;
            for (int out = 0; out < layers; out++) {
                from[out] = crossLayer ? 0 : layerStart[out];
                to[out] = layerStart[out + 1];
                int n = to[out] - from[out];
                int[] perPosition = new int[p];
                int[] slot = new int[n];
                for (int i = 0; i < n; i++) slot[i] = perPosition[prompt.featurePosition[from[out] + i]]++;
                int slots = Math.max(1, java.util.Arrays.stream(perPosition).max().orElse(0));
                float[] padded = new float[p * d * slots];
                long[] column = new long[n];
                for (int i = 0; i < n; i++) {
                    int feature = from[out] + i;
                    int pos = prompt.featurePosition[feature];
                    float[] piece = prompt.scaledDecoder(feature, out);
                    for (int j = 0; j < d; j++) padded[(pos * d + j) * slots + slot[i]] = piece[j];
                    column[i] = (long) pos * slots + slot[i];
                }
                decoders[out] = manager.create(padded, new Shape(p, d, slots));
                columns[out] = manager.create(column);
            }
            float[] e = new float[layers * p * d];
            for (int l = 0; l < layers; l++) System.arraycopy(prompt.errors[l], 0, e, l * p * d, p * d);
            errors = manager.create(e, new Shape(layers, p, d));
            tokens = manager.create(prompt.tokenVectors, new Shape(1, p, d));
        }

        int width() {
            return nActive + layers * p + p;
        }

        /** {@code [B, to−from]}: every piece landing at {@code layer} dotted with the gradient there. */
        NDArray pieceEdges(NDArray gradient, int layer) {
            long b = gradient.getShape().get(0);
            NDArray perPosition = gradient.transpose(1, 0, 2).matMul(decoders[layer]); // [P, B, slots]
            return perPosition.transpose(1, 0, 2).reshape(b, -1).get(new NDIndex(":, {}", columns[layer]));
        }
    }

    /**
     * Computes the rows of one batch of targets ({@code -1-k} for logit k, else an active-feature index) and hands
     * each to {@code sink} (the array is reused between rows).
     */
    private static void addRows(PromptReplacement prompt, LinearisedModel linear, Sources sources, int[] batch,
                                NDManager root, RowSink sink) {
        int b = batch.length;
        int p = prompt.positions;
        int d = prompt.dim;
        int layers = prompt.layers;
        try (NDManager pass = root.newSubManager()) {
            float[] finalSeed = null;
            float[][] inputSeeds = new float[layers][];
            int top = -1;
            for (int r = 0; r < b; r++) {
                int target = batch[r];
                if (target < 0) {
                    if (finalSeed == null) finalSeed = new float[b * p * d];
                    System.arraycopy(prompt.targetVectors[-1 - target], 0, finalSeed, (r * p + p - 1) * d, d);
                    top = layers - 1;
                } else {
                    int l = prompt.featureLayer[target];
                    if (inputSeeds[l] == null) inputSeeds[l] = new float[b * p * d];
                    float[] encoder = prompt.transcoder.encoderVector(l, prompt.featureIndex[target]);
                    System.arraycopy(encoder, 0, inputSeeds[l], (r * p + prompt.featurePosition[target]) * d, d);
                    top = Math.max(top, l);
                }
            }
            Shape shape = new Shape(b, p, d);
            NDArray[] seeds = new NDArray[layers];
            for (int l = 0; l < layers; l++) seeds[l] = inputSeeds[l] == null ? null : pass.create(inputSeeds[l], shape);
            LinearisedModel.Pulled pulled = linear.pullBack(pass,
                    finalSeed == null ? null : pass.create(finalSeed, shape), seeds, top, b);
            NDArray featureColumns = pass.zeros(new Shape(b, sources.nActive));
            NDList errorColumns = new NDList();
            for (int l = 0; l < layers; l++) {
                NDArray g = pulled.mlpOutputs()[l];
                if (g == null) {
                    errorColumns.add(pass.zeros(new Shape(b, 1, p)));
                    continue;
                }
                errorColumns.add(g.mul(sources.errors.get(l)).sum(new int[] {2}).reshape(b, 1, p));
                if (sources.to[l] > sources.from[l]) {
                    NDArray pieces = sources.pieceEdges(g, l);
                    NDIndex range = new NDIndex(":, " + sources.from[l] + ":" + sources.to[l]);
                    featureColumns.set(range, featureColumns.get(range).add(pieces));
                }
            }
            NDArray tokenColumns = pulled.embedding().mul(sources.tokens).sum(new int[] {2});
            NDArray all = NDArrays.concat(new NDList(featureColumns,
                    NDArrays.concat(errorColumns, 1).reshape(b, (long) layers * p), tokenColumns), 1);
            float[] values = all.toFloatArray();
            int width = sources.width();
            float[] row = new float[width];
            for (int r = 0; r < b; r++) {
                System.arraycopy(values, r * width, row, 0, width);
                sink.accept(batch[r], row);
            }
        }
    }

    /**
     * Spec §1.8's partial influence over the source columns from the rows computed so far: {@code q} starts at the
     * logit probabilities and is pushed through the row-normalised |rows| (row sums clamped at 1e-8) until it
     * vanishes; the sum of the pushed vectors is returned. O(steps·rows·width).
     */
    private static double[] partialInfluence(List<float[]> rows, List<Integer> rowNodes, PromptReplacement prompt,
                                             int width) {
        int n = rows.size();
        double[][] normalised = new double[n][];
        for (int r = 0; r < n; r++) {
            float[] row = rows.get(r);
            double sum = 0;
            for (float v : row) sum += Math.abs(v);
            sum = Math.max(sum, 1e-8);
            double[] out = new double[width];
            for (int c = 0; c < width; c++) out[c] = Math.abs(row[c]) / sum;
            normalised[r] = out;
        }
        double[] rowWeight = new double[n];
        for (int r = 0; r < n; r++) {
            int node = rowNodes.get(r);
            rowWeight[r] = node < 0 ? prompt.targets.probability(-1 - node) : 0;
        }
        double[] influence = new double[width];
        for (int step = 0; step < MAX_PARTIAL_INFLUENCE_STEPS; step++) {
            double[] q = new double[width];
            boolean any = false;
            for (int r = 0; r < n; r++) {
                if (rowWeight[r] == 0) continue;
                for (int c = 0; c < width; c++) q[c] += rowWeight[r] * normalised[r][c];
            }
            for (int c = 0; c < width; c++) {
                influence[c] += q[c];
                any |= q[c] != 0;
            }
            if (!any) return influence;
            for (int r = 0; r < n; r++) {
                int node = rowNodes.get(r);
                rowWeight[r] = node < 0 ? 0 : q[node];
            }
        }
        throw new IllegalStateException("partial influence did not vanish after " + MAX_PARTIAL_INFLUENCE_STEPS
                + " steps");
    }

    /** The {@code take} unvisited features of highest influence (ties: lower index first). */
    private static int[] topUnvisited(double[] influence, boolean[] visited, int take) {
        List<Integer> candidates = new ArrayList<>();
        for (int f = 0; f < visited.length; f++) {
            if (!visited[f]) candidates.add(f);
        }
        candidates.sort((a, b) -> influence[a] != influence[b] ? Double.compare(influence[b], influence[a])
                : Integer.compare(a, b));
        return candidates.subList(0, Math.min(take, candidates.size())).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Packs the computed rows into the square node-ordered adjacency, dropping unvisited feature columns. */
    private static AttributionResult assemble(PromptReplacement prompt, boolean[] visited, List<float[]> rows,
                                              List<Integer> rowNodes, int width) {
        int nActive = prompt.activeCount();
        int[] nodeOf = new int[nActive];
        int selectedCount = 0;
        for (int f = 0; f < nActive; f++) nodeOf[f] = visited[f] ? selectedCount++ : -1;
        int[] selected = new int[selectedCount];
        for (int f = 0; f < nActive; f++) {
            if (nodeOf[f] >= 0) selected[nodeOf[f]] = f;
        }
        int rest = width - nActive; // errors and tokens keep their order after the features
        int n = selectedCount + rest + prompt.targets.count();
        float[] adjacency = new float[n * n];
        for (int r = 0; r < rows.size(); r++) {
            int node = rowNodes.get(r);
            int target = node < 0 ? selectedCount + rest + (-1 - node) : nodeOf[node];
            float[] row = rows.get(r);
            int base = target * n;
            for (int f = 0; f < nActive; f++) {
                if (nodeOf[f] >= 0) adjacency[base + nodeOf[f]] = row[f];
            }
            System.arraycopy(row, nActive, adjacency, base + selectedCount, rest);
        }
        return new AttributionResult(prompt, selected, adjacency);
    }
}
