package org.circuitgrammar.tracer.transcoder;

/** The dense and sparse row-major products the transcoders share. */
final class Affine {
    private Affine() {
    }

    /**
     * {@code out[r,o] = bias[o] + Σ_j x[r,j]·w[o,j]} for {@code rows × in} inputs and an {@code outs × in} matrix
     * (bias may be null). O(rows·outs·in).
     */
    static float[] timesTransposed(float[] x, int rows, int in, float[] w, int outs, float[] bias) {
        float[] out = new float[rows * outs];
        for (int r = 0; r < rows; r++) {
            int xo = r * in;
            for (int o = 0; o < outs; o++) {
                int wo = o * in;
                float s = 0f;
                for (int j = 0; j < in; j++) {
                    s += x[xo + j] * w[wo + j];
                }
                out[r * outs + o] = bias == null ? s : s + bias[o];
            }
        }
        return out;
    }

    /**
     * {@code out[r,:] += Σ_f a[r,f]·w[f·stride + offset .. + d]}, skipping zero activations: the decoder product,
     * O(rows·F + nnz·d). {@code stride} and {@code offset} select one slice of a CLT decoder {@code [F, L−l, d]}.
     */
    static void addSparseTimes(float[] a, int rows, int features, float[] w, int stride, int offset, int d,
                               float[] out) {
        for (int r = 0; r < rows; r++) {
            int ao = r * features;
            int oo = r * d;
            for (int f = 0; f < features; f++) {
                float v = a[ao + f];
                if (v == 0f) {
                    continue;
                }
                int wo = f * stride + offset;
                for (int j = 0; j < d; j++) {
                    out[oo + j] += v * w[wo + j];
                }
            }
        }
    }

    /** {@code out[r,:] += bias} for every row. */
    static void addRowBias(float[] out, int rows, float[] bias) {
        int d = bias.length;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                out[r * d + j] += bias[j];
            }
        }
    }

    static void requireLength(String name, float[] array, long expected) {
        if (array == null || array.length != expected) {
            throw new IllegalArgumentException(name + " has " + (array == null ? "no" : array.length)
                    + " values, expected " + expected);
        }
    }
}
