package org.circuitgrammar.tracer.model;

/** The decoder families the tracer can run. */
public enum Architecture {
    /** Llama: RMSNorm, RoPE, grouped-query attention, SwiGLU MLP, no biases (llama2.c and HF {@code LlamaForCausalLM}). */
    LLAMA,
    /** GPT-2: LayerNorm with bias, learned positions, GELU ("gelu_new") MLP, biases everywhere, tied unembedding. */
    GPT2
}
