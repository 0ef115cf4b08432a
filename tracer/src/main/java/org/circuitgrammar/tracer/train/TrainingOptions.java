package org.circuitgrammar.tracer.train;

import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * How to train a transcoder.
 *
 * @param kind          {@link TranscoderKind#PLT} (one decoder per feature) or {@link TranscoderKind#CLT}
 *                      (a decoder for every layer at or after the feature's source)
 * @param skip          add a learned linear skip {@code x·W_skipᵀ} per layer (PLT only)
 * @param features      features per layer
 * @param activation    the activation trained (see {@link TrainedActivation})
 * @param k             TopK's k, or the mean number of active features per token and layer for BatchTopK-trained
 *                      JumpReLU; ignored for ReLU
 * @param l1            sparsity coefficient λ of the penalty {@code λ·Σ_f a_f·‖W_dec,f‖} (ReLU; optional otherwise)
 * @param steps         optimiser steps
 * @param batchSize     rows per step
 * @param learningRate  Adam's step size (held for the first 80% of the steps, then decayed linearly to zero)
 * @param seed          the root seed: initialisation and batch order
 */
public record TrainingOptions(TranscoderKind kind, boolean skip, int features, TrainedActivation activation, int k,
                              float l1, int steps, int batchSize, float learningRate, long seed) {

    public TrainingOptions {
        if (kind != TranscoderKind.PLT && kind != TranscoderKind.CLT) {
            throw new IllegalArgumentException("kind must be PLT or CLT, got " + kind);
        }
        if (skip && kind == TranscoderKind.CLT) {
            throw new IllegalArgumentException("a skip matrix is supported for per-layer transcoders only");
        }
        if (features < 1 || steps < 0 || batchSize < 1 || !(learningRate > 0) || !(l1 >= 0)) {
            throw new IllegalArgumentException("features, batch size >= 1, steps >= 0, learning rate > 0, l1 >= 0");
        }
        if (activation != TrainedActivation.RELU && (k < 1 || k > features)) {
            throw new IllegalArgumentException("k must be in [1, features] for " + activation + ", got " + k);
        }
    }

    /** The activation functions the trainer can fit. */
    public enum TrainedActivation {
        /** ReLU with the L1 penalty. */
        RELU,
        /** Per-token TopK (saved as {@code activation: topk}). */
        TOPK,
        /**
         * BatchTopK during training (the {@code k·batch} largest positive pre-activations of a layer in a batch),
         * saved as JumpReLU with one threshold per layer: the running mean of the smallest kept value.
         */
        JUMPRELU
    }
}
