package org.circuitgrammar.tracer.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.Llama2cCheckpoint;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.LlamaModel;
import org.circuitgrammar.tracer.transcoder.Transcoder;
import org.circuitgrammar.tracer.transcoder.TranscoderFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --verify}'s check passes on true graphs and catches a wrong edge and a wrong row. */
class InterventionCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"plt", "clt"})
    void check_trueGraphPasses_corruptedEdgeAndRowCaught(String kind) throws IOException {
        Path folder = AttributorTest.sharedDir().resolve("models").resolve("stories260K");
        try (LlamaModel model = new LlamaModel(Llama2cCheckpoint.read(folder.resolve("stories260K.bin")))) {
            Llama2cTokenizer tokenizer = Llama2cTokenizer.read(folder.resolve("tok512.bin"), 512);
            int[] tokens = PromptReplacement.firstPosition(tokenizer.encode("The cat sat on the mat and", false, false),
                    Llama2cTokenizer.BOS);
            Transcoder t = TranscoderFiles.read(Path.of("..", "models", "stories260K-transcoders", kind)).transcoder();
            PromptReplacement pr = new PromptReplacement(model, model.linearWeights(), t, Hook.MLP_IN, tokens, 10, 0.95);
            AttributionResult g = Attributor.attribute(pr, Attributor.Options.DEFAULTS);
            int everySource = Integer.MAX_VALUE;
            InterventionCheck.Result clean = InterventionCheck.check(g, everySource, 1);
            assertTrue(clean.worst() < 1e-5, clean.toString());
            assertEquals(g.featureCount() + pr.layers * (pr.positions - 1) + pr.positions, clean.sources());

            int row = g.logitNode(0);
            int source = g.tokenNode(pr.positions - 1);
            double rowMax = 0;
            for (int s = 0; s < g.nodeCount(); s++) rowMax = Math.max(rowMax, Math.abs(g.edge(row, s)));
            float[] a = g.adjacency();
            a[row * g.nodeCount() + source] += (float) (0.01 * rowMax);
            InterventionCheck.Result edge = InterventionCheck.check(new AttributionResult(pr, g.selectedFeatures(), a),
                    everySource, 1);
            assertEquals(0.01, edge.maxRelativeError(), 1e-4, edge.toString());

            float[] b = g.adjacency();
            int errorColumn = g.errorNode(0, 1);
            b[row * g.nodeCount() + errorColumn] = 0; // as if an error node's edge were lost
            InterventionCheck.Result lost = InterventionCheck.check(new AttributionResult(pr, g.selectedFeatures(), b),
                    everySource, 1);
            assertTrue(lost.sumRuleMaxRelativeError() > 1e-4 || Math.abs(g.edge(row, errorColumn)) < 1e-4 * rowMax,
                    lost.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void sample_seeded_sortedAndReproducible(int seed) throws IOException {
        Path folder = AttributorTest.sharedDir().resolve("models").resolve("stories260K");
        try (LlamaModel model = new LlamaModel(Llama2cCheckpoint.read(folder.resolve("stories260K.bin")))) {
            Transcoder t = TranscoderFiles.read(Path.of("..", "models", "stories260K-transcoders", "clt")).transcoder();
            PromptReplacement pr = new PromptReplacement(model, model.linearWeights(), t, Hook.MLP_IN,
                    new int[] {1, 403, 407, 261, 378}, 10, 0.95);
            AttributionResult g = Attributor.attribute(pr, Attributor.Options.DEFAULTS);
            int[] first = InterventionCheck.sample(g, 20, seed);
            assertArrayEquals(first, InterventionCheck.sample(g, 20, seed));
            assertEquals(20, first.length);
            for (int i = 1; i < first.length; i++) assertTrue(first[i - 1] < first[i], "sorted, no repeats");
        }
    }
}
