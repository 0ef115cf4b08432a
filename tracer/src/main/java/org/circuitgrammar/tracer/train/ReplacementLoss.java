package org.circuitgrammar.tracer.train;

import java.util.List;

import org.circuitgrammar.tracer.model.ForwardTrace;
import org.circuitgrammar.tracer.model.LanguageModel;
import org.circuitgrammar.tracer.model.MlpReplacement;
import org.circuitgrammar.tracer.transcoder.Transcoder;

/**
 * The next-token loss of a model whose MLP outputs are all replaced by a transcoder's reconstruction (no error
 * term), against the loss of the model itself: the usual end-to-end quality measure of a replacement model.
 * Every layer's transcoder reads the MLP input of the already-replaced forward pass, so errors compound as they
 * would in a replacement model. Position 0 (BOS) keeps the model's own MLP output, as transcoders are not trained
 * on it. Requires a transcoder whose input hook is {@code mlp.hook_in} (the only input the model's
 * {@link MlpReplacement} callback receives).
 */
public final class ReplacementLoss {
    private ReplacementLoss() {
    }

    /**
     * @param originalLoss mean cross-entropy (nats) per predicted token of the model
     * @param replacedLoss the same with every MLP replaced by the transcoder
     * @param predictions  number of predicted tokens averaged over
     */
    public record Result(double originalLoss, double replacedLoss, long predictions) {
    }

    /** One pair of forward passes per sequence. O(sequences · (forward + L·transcoder)). */
    public static Result measure(LanguageModel model, Transcoder transcoder, List<int[]> sequences) {
        int d = transcoder.dModel();
        int layers = transcoder.layerCount();
        if (model.config().dim() != d || model.config().layers() != layers) {
            throw new IllegalArgumentException("transcoder shape (" + layers + " layers of width " + d
                    + ") does not fit the model");
        }
        double original = 0;
        double replaced = 0;
        long predictions = 0;
        for (int[] tokens : sequences) {
            if (tokens.length < 2) {
                continue;
            }
            int n = tokens.length - 1;
            original += model.run(tokens).meanNextTokenLoss() * n;
            ForwardTrace trace = model.run(tokens, new Replacement(transcoder, tokens.length));
            replaced += trace.meanNextTokenLoss() * n;
            predictions += n;
        }
        return new Result(original / predictions, replaced / predictions, predictions);
    }

    /** Replaces the MLP outputs of one forward pass; keeps the activations of earlier layers for a CLT. */
    private static final class Replacement implements MlpReplacement {
        private final Transcoder transcoder;
        private final int positions;
        private final float[][] activations;
        private final float[][] inputs;

        Replacement(Transcoder transcoder, int positions) {
            this.transcoder = transcoder;
            this.positions = positions;
            int layers = transcoder.layerCount();
            this.activations = new float[layers][];
            this.inputs = new float[layers][];
            for (int l = 0; l < layers; l++) {
                activations[l] = new float[positions * transcoder.featureCount(l)];
                inputs[l] = new float[positions * transcoder.dModel()];
            }
        }

        @Override
        public float[] replace(int layer, float[] mlpIn, float[] mlpOut) {
            inputs[layer] = mlpIn;
            activations[layer] = transcoder.encode(layer, mlpIn, positions);
            float[] out = transcoder.decode(activations, inputs, positions)[layer];
            System.arraycopy(mlpOut, 0, out, 0, transcoder.dModel());
            return out;
        }
    }
}
