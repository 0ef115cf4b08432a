package org.circuitgrammar.tracer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Causal scaled dot-product attention over one sequence, shared by the Llama and GPT-2 forward passes. Query head
 * {@code h} reads key/value head {@code h / (heads / kvHeads)} (grouped-query attention; plain multi-head attention
 * when the counts are equal). Cost O(heads · T² · headSize).
 */
final class CausalAttention {
    private CausalAttention() {}

    /** The pattern and the mixed values of one attention call. */
    record Result(NDArray pattern, NDArray output) {}

    /**
     * @param q       {@code [Tq, heads, headSize]}: the last {@code Tq} of the {@code Tk} positions
     * @param k       {@code [Tk, kvHeads, headSize]}, {@code Tk >= Tq}
     * @param v       {@code [Tk, kvHeads, headSize]}
     * @return the post-softmax pattern {@code [heads, Tq, Tk]} (query {@code i} sees keys up to
     *         {@code Tk - Tq + i}) and the heads' outputs concatenated, {@code [Tq, heads * headSize]}; both belong to
     *         {@code q}'s manager
     */
    static Result attend(NDArray q, NDArray k, NDArray v, NDManager manager) {
        long t = q.getShape().get(0);
        long keys = k.getShape().get(0);
        long heads = q.getShape().get(1);
        long headSize = q.getShape().get(2);
        long group = heads / k.getShape().get(1);
        NDArray qh = q.transpose(1, 0, 2);
        NDArray kh = k.transpose(1, 0, 2);
        NDArray vh = v.transpose(1, 0, 2);
        if (group > 1) {
            kh = kh.repeat(0, group);
            vh = vh.repeat(0, group);
        }
        NDArray scores = qh.matMul(kh.transpose(0, 2, 1)).div((float) Math.sqrt(headSize));
        if (t > 1) scores = scores.add(causalMask(manager, (int) t, (int) keys)); // one last query sees every key
        NDArray pattern = scores.softmax(-1);
        NDArray output = pattern.matMul(vh).transpose(1, 0, 2).reshape(t, heads * headSize);
        return new Result(pattern, output);
    }

    private static NDArray causalMask(NDManager manager, int queries, int keys) {
        float[] mask = new float[queries * keys];
        int offset = keys - queries;
        for (int i = 0; i < queries; i++) {
            for (int j = offset + i + 1; j < keys; j++) mask[i * keys + j] = Float.NEGATIVE_INFINITY;
        }
        return manager.create(mask, new Shape(queries, keys));
    }
}
