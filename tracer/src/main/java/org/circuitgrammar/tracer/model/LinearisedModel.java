package org.circuitgrammar.tracer.model;

import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The model of one prompt with everything non-linear frozen at its value from the recorded forward pass (spec
 * §1.4): attention patterns, every norm's denominator (before attention, before the MLP, final), and the MLP, which
 * is replaced by the transcoder's linear skip path (zero without a skip). What remains is an affine map from the
 * token embeddings and whatever is added at the MLP outputs to every transcoder input {@code IN_l} and to the final
 * normed residual. This class evaluates that map forwards ({@link #pushForward}) and its transpose backwards
 * ({@link #pullBack}), batched, with DJL tensor operations.
 *
 * <p>Per block: {@code mid = r + (norm1(r) · Wv + bv) mixed by the frozen pattern · Wo + bo}; {@code IN = in(mid)}
 * where {@code in} is the norm before the MLP with its weight and bias ({@link Hook#MLP_IN}), without them
 * ({@link Hook#MLP_NORMALIZED}) or the identity ({@link Hook#RESID_MID}); {@code r' = mid + IN · S + added}, with
 * {@code S} the skip matrix applied to rows. A norm is {@code centre(x) / s · w + b}, {@code s} frozen, {@code centre}
 * the mean subtraction for LayerNorm and the identity for RMSNorm. Biases and learned positions enter only when
 * {@code constants} is asked for.
 *
 * <p>Tensors are {@code [B, P, d]} (a batch of independent copies of the prompt). The model computes in the
 * {@link DataType} it was built with (float32 for attribution, float64 for verification); its arrays live in a
 * sub-manager of the caller's manager and die with {@link #close}. Cost per pass and batch row:
 * O(L·(P·d² + heads·P²·headSize)). Not thread-safe.
 */
public final class LinearisedModel implements AutoCloseable {
    private final ModelConfig config;
    private final boolean layerNorm;
    private final Hook inputHook;
    private final int positions;
    private final DataType type;
    private final NDManager manager;
    private final NDArray[] patterns;
    private final NDArray[] patternsT;
    private final NDArray[] attnScale;
    private final NDArray[] mlpScale;
    private final NDArray finalScale;
    private final NDArray[] attnWeight;
    private final NDArray[] attnBias;
    private final NDArray[] value;
    private final NDArray[] valueT;
    private final NDArray[] valueBias;
    private final NDArray[] output;
    private final NDArray[] outputT;
    private final NDArray[] outputBias;
    private final NDArray[] mlpWeight;
    private final NDArray[] mlpBias;
    private final NDArray finalWeight;
    private final NDArray finalBias;
    private final NDArray[] skip;
    private final NDArray[] skipT;
    private final NDArray positionEmbedding;

    /**
     * @param weights    the model's linear weights
     * @param trace      the prompt's recorded forward pass (patterns and norm denominators are taken from it)
     * @param inputHook  where the transcoder reads: {@link Hook#MLP_IN}, {@link Hook#MLP_NORMALIZED} or
     *                   {@link Hook#RESID_MID}
     * @param skips      per layer the skip matrix {@code W_skip [d_out, d_in]} row-major (skip = {@code x·W_skipᵀ}),
     *                   or null entries / a null array for none
     * @param type       FLOAT32 or FLOAT64
     * @param parent     the manager whose sub-manager holds this model's arrays
     */
    public LinearisedModel(LinearWeights weights, ForwardTrace trace, Hook inputHook, float[][] skips, DataType type,
                           NDManager parent) {
        this.config = weights.config;
        this.layerNorm = weights.layerNorm;
        this.inputHook = Objects.requireNonNull(inputHook, "inputHook");
        if (inputHook != Hook.MLP_IN && inputHook != Hook.MLP_NORMALIZED && inputHook != Hook.RESID_MID) {
            throw new IllegalArgumentException("transcoders reading " + inputHook + " are not supported");
        }
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("FLOAT32 or FLOAT64, not " + type);
        }
        this.type = type;
        this.positions = trace.positions();
        this.manager = parent.newSubManager();
        int layers = config.layers();
        int d = config.dim();
        int p = positions;
        patterns = new NDArray[layers];
        patternsT = new NDArray[layers];
        attnScale = new NDArray[layers];
        mlpScale = new NDArray[layers];
        attnWeight = new NDArray[layers];
        attnBias = new NDArray[layers];
        value = new NDArray[layers];
        valueT = new NDArray[layers];
        valueBias = new NDArray[layers];
        output = new NDArray[layers];
        outputT = new NDArray[layers];
        outputBias = new NDArray[layers];
        mlpWeight = new NDArray[layers];
        mlpBias = new NDArray[layers];
        skip = new NDArray[layers];
        skipT = new NDArray[layers];
        int heads = config.heads();
        int kvDim = config.kvDim();
        for (int l = 0; l < layers; l++) {
            float[] pattern = new float[heads * p * p];
            for (int h = 0; h < heads; h++) {
                float[][] rows = trace.attentionPattern(l, h);
                for (int q = 0; q < p; q++) System.arraycopy(rows[q], 0, pattern, (h * p + q) * p, p);
            }
            patterns[l] = array(pattern, 1, heads, p, p);
            patternsT[l] = patterns[l].transpose(0, 1, 3, 2);
            attnScale[l] = array(trace.attentionNormScale(l), 1, p, 1);
            mlpScale[l] = array(trace.mlpNormScale(l), 1, p, 1);
            attnWeight[l] = array(weights.attnNormWeight[l], d);
            attnBias[l] = optional(weights.attnNormBias[l], d);
            value[l] = array(weights.value[l], d, kvDim);
            valueT[l] = value[l].transpose();
            valueBias[l] = optional(weights.valueBias[l], kvDim);
            output[l] = array(weights.output[l], d, d);
            outputT[l] = output[l].transpose();
            outputBias[l] = optional(weights.outputBias[l], d);
            mlpWeight[l] = array(weights.mlpNormWeight[l], d);
            mlpBias[l] = optional(weights.mlpNormBias[l], d);
            if (skips != null && skips[l] != null) {
                skipT[l] = array(skips[l], d, d);   // W_skip [out, in]: x · W_skipᵀ applies it; its transpose pulls back
                skip[l] = skipT[l].transpose();
            }
        }
        finalScale = array(trace.finalNormScale(), 1, p, 1);
        finalWeight = array(weights.finalNormWeight, d);
        finalBias = optional(weights.finalNormBias, d);
        positionEmbedding = weights.positionEmbedding == null ? null
                : array(java.util.Arrays.copyOf(weights.positionEmbedding, p * d), 1, p, d);
    }

    private NDArray array(float[] values, long... shape) {
        NDArray a = manager.create(values, new Shape(shape));
        return type == DataType.FLOAT32 ? a : a.toType(type, false);
    }

    private NDArray optional(float[] values, long... shape) {
        return values == null ? null : array(values, shape);
    }

    public int layers() { return config.layers(); }

    public int positions() { return positions; }

    public int dim() { return config.dim(); }

    public DataType dataType() { return type; }

    /** What a forward push reached: every transcoder input {@code IN_l} and the final normed residual. */
    public record Pushed(NDArray[] transcoderInputs, NDArray finalNormed) {}

    /** What a backward pull left at every MLP output {@code OUT_l} (null above the start) and at the embedding. */
    public record Pulled(NDArray[] mlpOutputs, NDArray embedding) {}

    /**
     * Pushes {@code embedding} (added to the residual stream at the bottom, {@code [B,P,d]}, may be null for zero)
     * and {@code mlpOutputs[l]} (added at {@code OUT_l}; null entries are zero) through the frozen network.
     *
     * @param scratch   the manager of this pass: the results and every temporary land there
     * @param constants whether biases and learned positions are added (the affine map) or not (its linear part)
     */
    public Pushed pushForward(NDManager scratch, NDArray embedding, NDArray[] mlpOutputs, int batch,
                              boolean constants) {
        int layers = config.layers();
        NDArray r = embedding != null ? embedding : scratch.zeros(new Shape(batch, positions, config.dim()), type);
        if (constants && positionEmbedding != null) r = r.add(positionEmbedding);
        NDArray[] inputs = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            NDArray n1 = norm(r, attnScale[l], attnWeight[l], constants ? attnBias[l] : null);
            NDArray v = n1.matMul(value[l]);
            if (constants && valueBias[l] != null) v = v.add(valueBias[l]);
            NDArray attended = mixForward(v, l).matMul(output[l]);
            if (constants && outputBias[l] != null) attended = attended.add(outputBias[l]);
            NDArray mid = r.add(attended);
            inputs[l] = transcoderInput(l, mid, constants);
            r = mid;
            if (skip[l] != null) r = r.add(inputs[l].matMul(skip[l]));
            if (mlpOutputs != null && mlpOutputs[l] != null) r = r.add(mlpOutputs[l]);
        }
        return new Pushed(inputs, norm(r, finalScale, finalWeight, constants ? finalBias : null));
    }

    /**
     * The transpose of {@link #pushForward}'s linear part: seeds {@code finalNormed} ({@code [B,P,d]}, or null) at
     * the final normed residual and {@code transcoderInputs[l]} at {@code IN_l} (null entries are zero), and sweeps
     * down from layer {@code top} (seeds above it must be null; {@code top = L−1} when {@code finalNormed} is
     * given). Because a batch row seeded at {@code IN_l} carries zero gradient above {@code l}, adding its seed equals
     * circuit-tracer's overwrite.
     *
     * @param scratch the manager of this pass: the results and every temporary land there
     * @return the gradient at each {@code OUT_l} for {@code l ≤ top} and at the embedding
     */
    public Pulled pullBack(NDManager scratch, NDArray finalNormed, NDArray[] transcoderInputs, int top, int batch) {
        int layers = config.layers();
        if (finalNormed != null && top != layers - 1) {
            throw new IllegalArgumentException("a seed at the final residual needs top = L-1");
        }
        NDArray[] atOutputs = new NDArray[layers];
        NDArray g = finalNormed != null ? normBack(finalNormed, finalScale, finalWeight)
                : scratch.zeros(new Shape(batch, positions, config.dim()), type);
        for (int l = top; l >= 0; l--) {
            atOutputs[l] = g;
            NDArray atInput = skipT[l] != null ? g.matMul(skipT[l]) : null;
            if (transcoderInputs != null && transcoderInputs[l] != null) {
                atInput = atInput == null ? transcoderInputs[l] : atInput.add(transcoderInputs[l]);
            }
            NDArray mid = atInput == null ? g : g.add(transcoderInputBack(l, atInput));
            NDArray atValues = mixBack(mid.matMul(outputT[l]), l).matMul(valueT[l]);
            g = mid.add(normBack(atValues, attnScale[l], attnWeight[l]));
        }
        return new Pulled(atOutputs, g);
    }

    private NDArray transcoderInput(int layer, NDArray mid, boolean constants) {
        return switch (inputHook) {
            case MLP_IN -> norm(mid, mlpScale[layer], mlpWeight[layer], constants ? mlpBias[layer] : null);
            case MLP_NORMALIZED -> norm(mid, mlpScale[layer], null, null);
            default -> mid;
        };
    }

    private NDArray transcoderInputBack(int layer, NDArray g) {
        return switch (inputHook) {
            case MLP_IN -> normBack(g, mlpScale[layer], mlpWeight[layer]);
            case MLP_NORMALIZED -> normBack(g, mlpScale[layer], null);
            default -> g;
        };
    }

    /** {@code centre(x) / scale · weight + bias} with the frozen {@code scale} {@code [1,P,1]}. */
    private NDArray norm(NDArray x, NDArray scale, NDArray weight, NDArray bias) {
        NDArray y = centre(x).div(scale);
        if (weight != null) y = y.mul(weight);
        return bias == null ? y : y.add(bias);
    }

    /** The transpose of {@link #norm}'s linear part: {@code centre(g · weight / scale)} (centring is symmetric). */
    private NDArray normBack(NDArray g, NDArray scale, NDArray weight) {
        NDArray y = weight == null ? g.div(scale) : g.mul(weight).div(scale);
        return centre(y);
    }

    private NDArray centre(NDArray x) {
        return layerNorm ? x.sub(x.mean(new int[] {-1}, true)) : x;
    }

    /**
     * Attention with the frozen pattern of {@code layer}: values {@code [B,P,kvDim]} → per query head
     * {@code pattern [P,P]} times that head's {@code [P, headSize]} → {@code [B,P,H·headSize]}. Grouped-query
     * attention repeats each kv head for its {@code H/kvHeads} query heads.
     */
    private NDArray mixForward(NDArray values, int layer) {
        long b = values.getShape().get(0);
        int group = config.heads() / config.kvHeads();
        NDArray h = values.reshape(b, positions, config.kvHeads(), config.headSize()).transpose(0, 2, 1, 3);
        if (group > 1) h = h.repeat(1, group);
        return patterns[layer].matMul(h).transpose(0, 2, 1, 3).reshape(b, positions, (long) config.dim());
    }

    /** The transpose of {@link #mixForward}: transposed patterns, and the query heads of each kv head summed. */
    private NDArray mixBack(NDArray g, int layer) {
        long b = g.getShape().get(0);
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        int hs = config.headSize();
        NDArray mixed = patternsT[layer].matMul(g.reshape(b, positions, heads, hs).transpose(0, 2, 1, 3));
        if (heads > kvHeads) mixed = mixed.reshape(b, kvHeads, heads / kvHeads, positions, hs).sum(new int[] {2});
        return mixed.transpose(0, 2, 1, 3).reshape(b, positions, (long) kvHeads * hs);
    }

    @Override
    public void close() {
        manager.close();
    }
}
