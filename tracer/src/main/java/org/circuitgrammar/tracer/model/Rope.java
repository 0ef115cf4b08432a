package org.circuitgrammar.tracer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding for one sequence: {@code x' = x * cos + rotate(x) * sin}, where pair {@code i} of a
 * head of size {@code h} turns by {@code pos * theta^(-2i/h)} and {@code rotate} maps the pair {@code (a, b)} to
 * {@code (-b, a)}. The frequencies are computed in float as {@code run.c} does. The two {@link RopeLayout}s differ
 * only in where a pair's elements sit.
 */
final class Rope {
    private final NDArray cos;
    private final NDArray sin;
    private final RopeLayout layout;
    private final int headSize;

    /** Tables for positions {@code firstPosition .. firstPosition+positions-1}, in {@code manager}. */
    Rope(NDManager manager, int firstPosition, int positions, int headSize, float theta, RopeLayout layout) {
        if (layout == RopeLayout.NONE) throw new IllegalArgumentException("no RoPE for layout NONE");
        this.layout = layout;
        this.headSize = headSize;
        int half = headSize / 2;
        float[] c = new float[positions * headSize];
        float[] s = new float[positions * headSize];
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < half; i++) {
                float frequency = 1.0f / (float) Math.pow(theta, (2 * i) / (float) headSize);
                float angle = (firstPosition + pos) * frequency;
                float cv = (float) Math.cos(angle);
                float sv = (float) Math.sin(angle);
                int first = layout == RopeLayout.ADJACENT_PAIRS ? 2 * i : i;
                int second = layout == RopeLayout.ADJACENT_PAIRS ? 2 * i + 1 : i + half;
                c[pos * headSize + first] = cv;
                c[pos * headSize + second] = cv;
                s[pos * headSize + first] = sv;
                s[pos * headSize + second] = sv;
            }
        }
        this.cos = manager.create(c, new Shape(positions, 1, headSize));
        this.sin = manager.create(s, new Shape(positions, 1, headSize));
    }

    /** Rotates {@code x} of shape {@code [T, heads, headSize]}. */
    NDArray apply(NDArray x) {
        Shape shape = x.getShape();
        NDArray rotated;
        if (layout == RopeLayout.ADJACENT_PAIRS) {
            NDArray pairs = x.reshape(shape.get(0), shape.get(1), headSize / 2, 2);
            NDArray even = pairs.get("..., 0");
            NDArray odd = pairs.get("..., 1");
            rotated = odd.neg().stack(even, -1).reshape(shape);
        } else {
            NDArray first = x.get("..., :" + headSize / 2);
            NDArray second = x.get("..., " + headSize / 2 + ":");
            rotated = second.neg().concat(first, -1);
        }
        return x.mul(cos).add(rotated.mul(sin));
    }
}
