package org.circuitgrammar.tracer.model;

/**
 * Replaces the MLP output of chosen layers during a forward pass, e.g. with a transcoder's reconstruction so that
 * its quality can be measured as the change in next-token loss ({@link ForwardTrace#meanNextTokenLoss()}).
 *
 * <p>Called once per layer, in increasing layer order, after the model has computed that layer's MLP. A cross-layer
 * transcoder can keep the {@code mlpIn} arrays of earlier layers in its own state for later calls. Arrays are
 * row-major {@code [positions * dim]}; they belong to the callee (the model keeps no reference).
 */
@FunctionalInterface
public interface MlpReplacement {
    /** Keeps every layer's MLP output. */
    MlpReplacement NONE = (layer, mlpIn, mlpOut) -> null;

    /**
     * @param layer  the block index
     * @param mlpIn  the MLP input ({@link Hook#MLP_IN}) at every position
     * @param mlpOut the model's own MLP output ({@link Hook#MLP_OUT}) at every position
     * @return the MLP output to add to the residual stream instead ({@code positions * dim} values), or null to
     *         keep {@code mlpOut}
     */
    float[] replace(int layer, float[] mlpIn, float[] mlpOut);
}
