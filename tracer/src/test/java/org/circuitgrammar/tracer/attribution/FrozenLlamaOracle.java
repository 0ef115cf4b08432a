package org.circuitgrammar.tracer.attribution;

import org.circuitgrammar.tracer.model.ForwardTrace;
import org.circuitgrammar.tracer.model.LlamaWeights;
import org.circuitgrammar.tracer.model.ModelConfig;

/**
 * A test oracle written apart from the tracer's DJL code: the linear part of a Llama model frozen on one prompt,
 * in plain double loops over the checkpoint's {@code [out, in]} tensors, with the attention patterns and RMS
 * denominators taken from the recorded trace. Pushes deltas added at the embedding and at each MLP output (plus a
 * skip path {@code IN·W_skipᵀ} reading {@code mlp.hook_in}) to every MLP input and to the final normed residual.
 */
final class FrozenLlamaOracle {
    private final ModelConfig c;
    private final LlamaWeights w;
    private final ForwardTrace trace;
    private final float[][] skips;

    FrozenLlamaOracle(LlamaWeights w, ForwardTrace trace, float[][] skips) {
        this.c = w.config();
        this.w = w;
        this.trace = trace;
        this.skips = skips;
    }

    /** The pushed deltas: {@code inputs[l][p][i]} at {@code mlp.hook_in}, {@code finalNormed[p][i]}. */
    record Result(double[][][] inputs, double[][] finalNormed) {}

    Result push(double[][] embedding, double[][][] mlpOut) {
        int p = trace.positions();
        int d = c.dim();
        double[][] r = new double[p][d];
        for (int q = 0; q < p; q++) if (embedding != null) r[q] = embedding[q].clone();
        double[][][] inputs = new double[c.layers()][][];
        for (int l = 0; l < c.layers(); l++) {
            double[][] n1 = norm(r, trace.attentionNormScale(l), w.tensor(LlamaWeights.layer(l, LlamaWeights.ATTN_NORM)).toArray());
            double[][] v = times(n1, w.tensor(LlamaWeights.layer(l, LlamaWeights.V)).toArray(), c.kvDim(), d);
            double[][] mixed = new double[p][d];
            int hs = c.headSize();
            int group = c.heads() / c.kvHeads();
            for (int h = 0; h < c.heads(); h++) {
                float[][] a = trace.attentionPattern(l, h);
                int kv = h / group;
                for (int q = 0; q < p; q++) {
                    for (int k = 0; k < p; k++) {
                        for (int i = 0; i < hs; i++) mixed[q][h * hs + i] += a[q][k] * v[k][kv * hs + i];
                    }
                }
            }
            double[][] o = times(mixed, w.tensor(LlamaWeights.layer(l, LlamaWeights.O)).toArray(), d, d);
            for (int q = 0; q < p; q++) for (int i = 0; i < d; i++) r[q][i] += o[q][i];
            double[][] in = norm(r, trace.mlpNormScale(l), w.tensor(LlamaWeights.layer(l, LlamaWeights.MLP_NORM)).toArray());
            inputs[l] = in;
            double[][] skip = skips == null || skips[l] == null ? null : times(in, skips[l], d, d);
            for (int q = 0; q < p; q++) {
                for (int i = 0; i < d; i++) {
                    if (skip != null) r[q][i] += skip[q][i];
                    if (mlpOut != null && mlpOut[l] != null) r[q][i] += mlpOut[l][q][i];
                }
            }
        }
        return new Result(inputs, norm(r, trace.finalNormScale(), w.tensor(LlamaWeights.FINAL_NORM).toArray()));
    }

    private static double[][] norm(double[][] x, float[] scale, float[] gain) {
        double[][] out = new double[x.length][x[0].length];
        for (int q = 0; q < x.length; q++) for (int i = 0; i < x[q].length; i++) out[q][i] = x[q][i] / scale[q] * gain[i];
        return out;
    }

    /** {@code x · Wᵀ} for {@code W [out, in]} row-major. */
    private static double[][] times(double[][] x, float[] weight, int out, int in) {
        double[][] y = new double[x.length][out];
        for (int q = 0; q < x.length; q++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int i = 0; i < in; i++) s += x[q][i] * weight[o * in + i];
                y[q][o] = s;
            }
        }
        return y;
    }
}
