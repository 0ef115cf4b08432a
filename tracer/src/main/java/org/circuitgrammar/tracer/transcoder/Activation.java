package org.circuitgrammar.tracer.transcoder;

import java.util.Arrays;

/**
 * A transcoder's activation function φ, applied to one position's pre-activations {@code h} (length F).
 * Inference semantics follow circuit-tracer (spec §4.3): ReLU {@code max(0,h)}; JumpReLU keeps {@code h} where
 * {@code h > θ_f} (strict); TopK keeps the {@code k} largest values of {@code h}, negative ones included, and
 * zeroes the rest (ties broken towards the lower feature index).
 */
public sealed interface Activation permits Activation.Relu, Activation.JumpRelu, Activation.TopK {

    /**
     * Writes φ(h) for the row {@code h[offset .. offset+length)} into {@code out} at the same offsets.
     * {@code out} may be {@code h} itself. O(F) for ReLU and JumpReLU, O(F·k) worst case for TopK.
     */
    void apply(float[] h, int offset, int length, float[] out);

    /** The value of {@code activation} in config.yaml ({@code relu}, {@code jumprelu}, {@code topk}). */
    String configName();

    /** Convenience: φ of a single row, as a new array. */
    default float[] apply(float[] h) {
        float[] out = new float[h.length];
        apply(h, 0, h.length, out);
        return out;
    }

    /** {@code max(0, h)}. */
    record Relu() implements Activation {
        @Override
        public void apply(float[] h, int offset, int length, float[] out) {
            for (int i = offset; i < offset + length; i++) {
                out[i] = h[i] > 0f ? h[i] : 0f;
            }
        }

        @Override
        public String configName() {
            return "relu";
        }
    }

    /** {@code h} where {@code h > θ_f}, else 0; one threshold per feature. Holds a copy of the thresholds. */
    record JumpRelu(float[] thresholds) implements Activation {
        public JumpRelu {
            thresholds = thresholds.clone();
        }

        /** The threshold of feature {@code f}. */
        public float threshold(int f) {
            return thresholds[f];
        }

        /** A copy of the thresholds. */
        @Override
        public float[] thresholds() {
            return thresholds.clone();
        }

        @Override
        public void apply(float[] h, int offset, int length, float[] out) {
            if (length != thresholds.length) {
                throw new IllegalArgumentException("row length " + length + " != " + thresholds.length
                        + " thresholds");
            }
            for (int f = 0; f < length; f++) {
                float v = h[offset + f];
                out[offset + f] = v > thresholds[f] ? v : 0f;
            }
        }

        @Override
        public String configName() {
            return "jumprelu";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JumpRelu other && Arrays.equals(thresholds, other.thresholds);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(thresholds);
        }

        @Override
        public String toString() {
            return "JumpRelu[F=" + thresholds.length + "]";
        }
    }

    /** Keeps the {@code k} largest pre-activations (no ReLU). */
    record TopK(int k) implements Activation {
        public TopK {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
        }

        @Override
        public void apply(float[] h, int offset, int length, float[] out) {
            int keep = Math.min(k, length);
            int[] chosen = new int[keep];
            topIndices(h, offset, length, chosen);
            float[] kept = new float[keep];
            for (int i = 0; i < keep; i++) {
                kept[i] = h[offset + chosen[i]];
            }
            Arrays.fill(out, offset, offset + length, 0f);
            for (int i = 0; i < keep; i++) {
                out[offset + chosen[i]] = kept[i];
            }
        }

        /**
         * Fills {@code chosen} with the indices (relative to {@code offset}) of the {@code chosen.length} largest
         * values, lower index first among equal values. O(F·k) by insertion into a sorted window, which beats a
         * heap for the small k transcoders use.
         */
        static void topIndices(float[] h, int offset, int length, int[] chosen) {
            int keep = chosen.length;
            float[] best = new float[keep];
            int filled = 0;
            for (int f = 0; f < length; f++) {
                float v = h[offset + f];
                if (filled == keep && !(v > best[keep - 1])) {
                    continue;
                }
                int pos = filled == keep ? keep - 1 : filled++;
                while (pos > 0 && v > best[pos - 1]) {
                    best[pos] = best[pos - 1];
                    chosen[pos] = chosen[pos - 1];
                    pos--;
                }
                best[pos] = v;
                chosen[pos] = f;
            }
        }

        @Override
        public String configName() {
            return "topk";
        }
    }
}
