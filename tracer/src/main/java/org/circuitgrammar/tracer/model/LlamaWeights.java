package org.circuitgrammar.tracer.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.circuitgrammar.tracer.io.FloatTensor;

/**
 * The weights of a Llama model in Java memory, keyed by Hugging Face {@code LlamaForCausalLM} tensor names
 * ({@code model.embed_tokens.weight}, {@code model.layers.{i}.self_attn.q_proj.weight}, …, {@code lm_head.weight}
 * only when the classifier is not tied to the embedding). Matrices are {@code [out, in]} ({@code nn.Linear}).
 * The q/k rows are in the order {@link ModelConfig#ropeLayout()} says. Immutable; shapes are checked on creation.
 */
public final class LlamaWeights {
    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";
    public static final String ATTN_NORM = "input_layernorm.weight";
    public static final String Q = "self_attn.q_proj.weight";
    public static final String K = "self_attn.k_proj.weight";
    public static final String V = "self_attn.v_proj.weight";
    public static final String O = "self_attn.o_proj.weight";
    public static final String MLP_NORM = "post_attention_layernorm.weight";
    public static final String GATE = "mlp.gate_proj.weight";
    public static final String UP = "mlp.up_proj.weight";
    public static final String DOWN = "mlp.down_proj.weight";

    private final ModelConfig config;
    private final Map<String, FloatTensor> tensors;

    /**
     * @param tensors every tensor the config needs, under its HF name; {@link #LM_HEAD} present means an untied
     *                classifier. Other names are rejected.
     * @throws IllegalArgumentException naming the first missing, extra or mis-shaped tensor
     */
    public LlamaWeights(ModelConfig config, Map<String, FloatTensor> tensors) {
        if (config.architecture() != Architecture.LLAMA) {
            throw new IllegalArgumentException("not a Llama config: " + config.architecture());
        }
        this.config = config;
        Map<String, int[]> expected = expectedShapes(config, tensors.containsKey(LM_HEAD));
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            FloatTensor t = tensors.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("missing tensor " + e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has shape " + Arrays.toString(t.shape())
                        + ", expected " + Arrays.toString(e.getValue()));
            }
        }
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name)) throw new IllegalArgumentException("unexpected tensor " + name);
        }
        Map<String, FloatTensor> ordered = new LinkedHashMap<>();
        for (String name : expected.keySet()) ordered.put(name, tensors.get(name));
        this.tensors = Collections.unmodifiableMap(ordered);
    }

    /** The HF name of a per-layer tensor, e.g. {@code layer(3, Q)}. */
    public static String layer(int layer, String suffix) {
        return "model.layers." + layer + "." + suffix;
    }

    /** Tensor names and shapes for {@code config}, in the canonical order (embedding, layers, norm, head). */
    static Map<String, int[]> expectedShapes(ModelConfig c, boolean separateHead) {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put(EMBED, new int[] {c.vocabSize(), c.dim()});
        for (int l = 0; l < c.layers(); l++) {
            m.put(layer(l, ATTN_NORM), new int[] {c.dim()});
            m.put(layer(l, Q), new int[] {c.dim(), c.dim()});
            m.put(layer(l, K), new int[] {c.kvDim(), c.dim()});
            m.put(layer(l, V), new int[] {c.kvDim(), c.dim()});
            m.put(layer(l, O), new int[] {c.dim(), c.dim()});
            m.put(layer(l, MLP_NORM), new int[] {c.dim()});
            m.put(layer(l, GATE), new int[] {c.hiddenDim(), c.dim()});
            m.put(layer(l, UP), new int[] {c.hiddenDim(), c.dim()});
            m.put(layer(l, DOWN), new int[] {c.dim(), c.hiddenDim()});
        }
        m.put(FINAL_NORM, new int[] {c.dim()});
        if (separateHead) m.put(LM_HEAD, new int[] {c.vocabSize(), c.dim()});
        return m;
    }

    public ModelConfig config() { return config; }

    /** True when the classifier is the embedding matrix (no {@link #LM_HEAD}). */
    public boolean tiedClassifier() { return !tensors.containsKey(LM_HEAD); }

    /** Tensor names in canonical order. */
    public Set<String> names() { return tensors.keySet(); }

    /** @throws IllegalArgumentException for an unknown name */
    public FloatTensor tensor(String name) {
        FloatTensor t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no tensor named " + name);
        return t;
    }

    /** The classifier {@code [vocab, dim]}: {@link #LM_HEAD}, or the embedding when tied. */
    public FloatTensor classifier() {
        return tiedClassifier() ? tensors.get(EMBED) : tensors.get(LM_HEAD);
    }

    /**
     * The same model with q/k rows permuted into {@code layout}. Converting llama2.c's adjacent pairs to HF's
     * rotate-half moves row {@code 2i + j} of each head to row {@code j * h/2 + i} (this is HF's
     * {@code permute(w).view(heads, h/2, 2, dim).transpose(1, 2)}); the inverse moves it back.
     */
    public LlamaWeights withRopeLayout(RopeLayout layout) {
        RopeLayout from = config.ropeLayout();
        if (from == layout) return this;
        if (from == RopeLayout.NONE || layout == RopeLayout.NONE) {
            throw new IllegalArgumentException("cannot convert RoPE layout " + from + " to " + layout);
        }
        boolean toRotateHalf = layout == RopeLayout.ROTATE_HALF;
        Map<String, FloatTensor> out = new LinkedHashMap<>(tensors);
        for (int l = 0; l < config.layers(); l++) {
            out.put(layer(l, Q), permuteHeads(tensors.get(layer(l, Q)), config.heads(), toRotateHalf));
            out.put(layer(l, K), permuteHeads(tensors.get(layer(l, K)), config.kvHeads(), toRotateHalf));
        }
        return new LlamaWeights(config.withRopeLayout(layout), out);
    }

    private FloatTensor permuteHeads(FloatTensor w, int heads, boolean adjacentToHalf) {
        int rows = w.dim(0);
        int cols = w.dim(1);
        int headSize = rows / heads;
        int half = headSize / 2;
        float[] src = w.toArray();
        float[] dst = new float[src.length];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < half; i++) {
                for (int j = 0; j < 2; j++) {
                    int adjacentRow = h * headSize + 2 * i + j;
                    int halfRow = h * headSize + j * half + i;
                    int from = adjacentToHalf ? adjacentRow : halfRow;
                    int to = adjacentToHalf ? halfRow : adjacentRow;
                    System.arraycopy(src, from * cols, dst, to * cols, cols);
                }
            }
        }
        return new FloatTensor(w.shape(), dst);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LlamaWeights w && config.equals(w.config) && tensors.equals(w.tensors);
    }

    @Override
    public int hashCode() { return Objects.hash(config, tensors); }
}
