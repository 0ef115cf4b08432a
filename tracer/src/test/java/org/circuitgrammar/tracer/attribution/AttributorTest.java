package org.circuitgrammar.tracer.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.Llama2cCheckpoint;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.LlamaModel;
import org.circuitgrammar.tracer.model.LlamaWeights;
import org.circuitgrammar.tracer.model.LinearWeights;
import org.circuitgrammar.tracer.transcoder.Transcoder;
import org.circuitgrammar.tracer.transcoder.TranscoderFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edges against interventions in an independent double-precision frozen model ({@link FrozenLlamaOracle}), the sum
 * rule, the node layout, and the {@code max_feature_nodes} cut, on stories260K with both shipped transcoders.
 */
class AttributorTest {
    private static final String PROMPT = "Once upon a time, there was a little dog named";
    private static LlamaWeights weights;
    private static LlamaModel model;
    private static LinearWeights linear;
    private static int[] tokens;

    @BeforeAll
    static void load() throws IOException {
        Path folder = sharedDir().resolve("models").resolve("stories260K");
        weights = Llama2cCheckpoint.read(folder.resolve("stories260K.bin"));
        model = new LlamaModel(weights);
        linear = model.linearWeights();
        Llama2cTokenizer tokenizer = Llama2cTokenizer.read(folder.resolve("tok512.bin"), model.config().vocabSize());
        tokens = PromptReplacement.firstPosition(tokenizer.encode(PROMPT, false, false), Llama2cTokenizer.BOS,
                Llama2cTokenizer.EOS);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Path sharedDir() {
        String property = System.getProperty("cgram.shared.dir");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        return Files.isDirectory(dir) ? dir : Path.of("..", "shared");
    }

    private static Transcoder shipped(String kind) throws IOException {
        return TranscoderFiles.read(Path.of("..", "models", "stories260K-transcoders", kind)).transcoder();
    }

    private static float[][] skips(Transcoder t) {
        if (!t.hasSkip()) return null;
        float[][] s = new float[t.layerCount()][];
        for (int l = 0; l < s.length; l++) s[l] = t.skipMatrix(l);
        return s;
    }

    /** Target changes (feature pre-activations, then demeaned logits) for a pushed delta. */
    private static double[] targetChanges(AttributionResult g, FrozenLlamaOracle.Result pushed) {
        PromptReplacement pr = g.prompt();
        int nLogits = pr.targets.count();
        double[] out = new double[g.featureCount() + nLogits];
        for (int i = 0; i < g.featureCount(); i++) {
            int f = g.selectedFeature(i);
            float[] enc = pr.transcoder.encoderVector(pr.featureLayer[f], pr.featureIndex[f]);
            double[] x = pushed.inputs()[pr.featureLayer[f]][pr.featurePosition[f]];
            double s = 0;
            for (int j = 0; j < enc.length; j++) s += enc[j] * x[j];
            out[i] = s;
        }
        double[] last = pushed.finalNormed()[pr.positions - 1];
        for (int k = 0; k < nLogits; k++) {
            double s = 0;
            for (int j = 0; j < last.length; j++) s += pr.targetVectors[k][j] * last[j];
            out[g.featureCount() + k] = s;
        }
        return out;
    }

    private static int targetNode(AttributionResult g, int i) {
        return i < g.featureCount() ? i : g.logitNode(i - g.featureCount());
    }

    private static double rowMax(AttributionResult g, int row) {
        double m = 0;
        for (int s = 0; s < g.nodeCount(); s++) m = Math.max(m, Math.abs(g.edge(row, s)));
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"plt", "clt"})
    void edges_equalInterventionsInIndependentFrozenModel(String kind) throws IOException {
        Transcoder t = shipped(kind);
        PromptReplacement pr = new PromptReplacement(model, linear, t, Hook.MLP_IN, tokens, 10, 0.95);
        AttributionResult g = Attributor.attribute(pr, Attributor.Options.DEFAULTS);
        FrozenLlamaOracle oracle = new FrozenLlamaOracle(weights, pr.trace, skips(t));
        int p = pr.positions;
        int d = pr.dim;
        List<Integer> sources = new ArrayList<>();
        for (int pos = 0; pos < p; pos++) sources.add(g.tokenNode(pos));
        for (int l = 0; l < pr.layers; l++) for (int pos = 1; pos < p; pos++) sources.add(g.errorNode(l, pos));
        for (int i = 0; i < g.featureCount(); i += Math.max(1, g.featureCount() / 40)) sources.add(i);
        double worst = 0;
        for (int source : sources) {
            double[][] embedding = null;
            double[][][] mlpOut = new double[pr.layers][][];
            if (source >= g.tokenNode(0)) {
                int pos = source - g.tokenNode(0);
                embedding = new double[p][d];
                for (int j = 0; j < d; j++) embedding[pos][j] = pr.tokenVectors[pos * d + j];
            } else if (source >= g.errorNode(0, 0)) {
                int l = (source - g.errorNode(0, 0)) / p;
                int pos = (source - g.errorNode(0, 0)) % p;
                mlpOut[l] = new double[p][d];
                for (int j = 0; j < d; j++) mlpOut[l][pos][j] = pr.errors[l][pos * d + j];
            } else {
                int f = g.selectedFeature(source);
                int last = t.kind() == TranscoderKind.CLT ? pr.layers - 1 : pr.featureLayer[f];
                for (int out = pr.featureLayer[f]; out <= last; out++) {
                    float[] piece = pr.scaledDecoder(f, out);
                    mlpOut[out] = new double[p][d];
                    for (int j = 0; j < d; j++) mlpOut[out][pr.featurePosition[f]][j] = piece[j];
                }
            }
            double[] change = targetChanges(g, oracle.push(embedding, mlpOut));
            for (int i = 0; i < change.length; i++) {
                int row = targetNode(g, i);
                double scale = Math.max(rowMax(g, row), 1e-6);
                double error = Math.abs(change[i] - g.edge(row, source)) / scale;
                worst = Math.max(worst, error);
                assertTrue(error <= 1e-4, kind + ": target " + row + " source " + source + ": intervention "
                        + change[i] + ", edge " + g.edge(row, source));
            }
        }
        assertTrue(g.featureCount() > 100, "a prompt this long activates many features: " + g.featureCount());
        System.out.println(kind + ": " + g.featureCount() + " features, worst relative edge error " + worst);
    }

    /**
     * Sum rule: a target's clean value minus its value with every source removed (only constants left: b_dec at
     * positions ≥ 1, the whole MLP output minus its skip term at position 0) equals the sum of its row.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plt", "clt"})
    void rows_sumToCleanMinusAllSourcesRemoved(String kind) throws IOException {
        Transcoder t = shipped(kind);
        PromptReplacement pr = new PromptReplacement(model, linear, t, Hook.MLP_IN, tokens, 10, 0.95);
        AttributionResult g = Attributor.attribute(pr, Attributor.Options.DEFAULTS);
        int p = pr.positions;
        int d = pr.dim;
        double[][][] constants = new double[pr.layers][p][d];
        float[][] skips = skips(t);
        for (int l = 0; l < pr.layers; l++) {
            float[] y = pr.trace.flatActivations(Hook.MLP_OUT, l);
            float[] bias = t.decoderBias(l);
            for (int j = 0; j < d; j++) {
                double skip0 = 0;
                if (skips != null) {
                    for (int i = 0; i < d; i++) skip0 += skips[l][j * d + i] * pr.inputs[l][i];
                }
                constants[l][0][j] = y[j] - skip0;
                for (int pos = 1; pos < p; pos++) constants[l][pos][j] = bias[j];
            }
        }
        FrozenLlamaOracle.Result removed = new FrozenLlamaOracle(weights, pr.trace, skips).push(null, constants);
        double[] removedValues = targetChanges(g, removed);
        float[] logits = pr.trace.logits(p - 1);
        double mean = 0;
        for (float v : logits) mean += v;
        mean /= logits.length;
        for (int i = 0; i < removedValues.length; i++) {
            int row = targetNode(g, i);
            double clean;
            if (i < g.featureCount()) {
                int f = g.selectedFeature(i);
                clean = pr.preActivations[pr.featureLayer[f]][pr.featurePosition[f] * t.featureCount(pr.featureLayer[f])
                        + pr.featureIndex[f]];
                float[] enc = t.encoderVector(pr.featureLayer[f], pr.featureIndex[f]);
                removedValues[i] += 0; // the encoder bias cancels: both values include it
                double bias = clean;
                for (int j = 0; j < d; j++) bias -= enc[j] * (double) pr.inputs[pr.featureLayer[f]][pr.featurePosition[f] * d + j];
                clean -= bias;
            } else {
                clean = logits[pr.targets.token(i - g.featureCount())] - mean;
            }
            double rowSum = 0;
            for (int s = 0; s < g.nodeCount(); s++) rowSum += g.edge(row, s);
            double scale = Math.max(rowMax(g, row), Math.abs(clean));
            assertEquals(clean - removedValues[i], rowSum, 2e-4 * scale, kind + " row " + row);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plt", "clt"})
    void layout_zeroRowsColumnsAndNoEdgesFromSameOrLaterLayers(String kind) throws IOException {
        Transcoder t = shipped(kind);
        PromptReplacement pr = new PromptReplacement(model, linear, t, Hook.MLP_IN, tokens, 10, 0.95);
        AttributionResult g = Attributor.attribute(pr, Attributor.Options.DEFAULTS);
        int n = g.nodeCount();
        assertEquals(g.featureCount() + pr.layers * pr.positions + pr.positions + pr.targets.count(), n);
        for (int row = g.errorNode(0, 0); row < g.logitNode(0); row++) {
            for (int s = 0; s < n; s++) assertEquals(0f, g.edge(row, s), "error/token rows have no inputs");
        }
        for (int row = 0; row < n; row++) {
            for (int k = 0; k < pr.targets.count(); k++) assertEquals(0f, g.edge(row, g.logitNode(k)));
        }
        for (int i = 0; i < g.featureCount(); i++) {
            int layer = pr.featureLayer[g.selectedFeature(i)];
            for (int j = 0; j < g.featureCount(); j++) {
                if (pr.featureLayer[g.selectedFeature(j)] >= layer) assertEquals(0f, g.edge(i, j));
            }
            for (int l = layer; l < pr.layers; l++) {
                for (int pos = 0; pos < pr.positions; pos++) assertEquals(0f, g.edge(i, g.errorNode(l, pos)));
            }
            for (int l = 0; l < layer; l++) assertEquals(0f, g.edge(i, g.errorNode(l, 0)), "errors are zero at BOS");
        }
        for (int i = 0; i < pr.activeCount(); i++) assertTrue(pr.featurePosition[i] >= 1, "no features at BOS");
    }

    /** With a budget, the visited feature rows equal the full graph's rows on the columns both keep. */
    @ParameterizedTest
    @ValueSource(strings = {"plt", "clt"})
    void maxFeatureNodes_rowsAgreeWithFullGraph(String kind) throws IOException {
        Transcoder t = shipped(kind);
        PromptReplacement pr = new PromptReplacement(model, linear, t, Hook.MLP_IN, tokens, 10, 0.95);
        AttributionResult full = Attributor.attribute(pr, Attributor.Options.DEFAULTS);
        AttributionResult cut = Attributor.attribute(pr, new Attributor.Options(10, 0.95, 16, 40, 1));
        assertEquals(40, cut.featureCount());
        assertEquals(full.nodeCount() - (full.featureCount() - 40), cut.nodeCount());
        for (int i = 0; i < cut.featureCount(); i++) {
            int f = cut.selectedFeature(i);
            int fullRow = java.util.Arrays.binarySearch(full.selectedFeatures(), f);
            double scale = Math.max(rowMax(full, fullRow), 1e-6);
            for (int j = 0; j < cut.featureCount(); j++) {
                int fullCol = java.util.Arrays.binarySearch(full.selectedFeatures(), cut.selectedFeature(j));
                assertEquals(full.edge(fullRow, fullCol), cut.edge(i, j), 1e-5 * scale);
            }
            for (int pos = 0; pos < pr.positions; pos++) {
                assertEquals(full.edge(fullRow, full.tokenNode(pos)), cut.edge(i, cut.tokenNode(pos)), 1e-5 * scale);
            }
        }
    }
}
