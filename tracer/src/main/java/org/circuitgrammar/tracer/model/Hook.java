package org.circuitgrammar.tracer.model;

/**
 * The activation sites a {@link ForwardTrace} records per layer, named as TransformerLens names them (what
 * circuit-tracer's transcoder configs refer to). All are {@code [positions, dim]}.
 */
public enum Hook {
    /** {@code blocks.{l}.hook_resid_pre}: the residual stream entering block {@code l}. */
    RESID_PRE("hook_resid_pre"),
    /** {@code blocks.{l}.hook_resid_mid}: the residual stream after attention, before the MLP. */
    RESID_MID("hook_resid_mid"),
    /**
     * {@code blocks.{l}.mlp.hook_in}: the MLP input, i.e. the normalised residual after the norm's weight (and bias,
     * for LayerNorm).
     */
    MLP_IN("mlp.hook_in"),
    /**
     * {@code blocks.{l}.ln2.hook_normalized}: the residual after the MLP norm's division by its scale (and mean
     * subtraction, for LayerNorm) but <em>before</em> its weight and bias, as TransformerLens records it
     * (GemmaScope transcoders read this hook).
     */
    MLP_NORMALIZED("ln2.hook_normalized"),
    /** {@code blocks.{l}.hook_mlp_out} (= {@code mlp.hook_out}): what the MLP adds to the residual stream. */
    MLP_OUT("hook_mlp_out"),
    /** {@code blocks.{l}.hook_resid_post}: the residual stream leaving block {@code l}. */
    RESID_POST("hook_resid_post");

    private final String transformerLensSuffix;

    Hook(String transformerLensSuffix) { this.transformerLensSuffix = transformerLensSuffix; }

    /** The TransformerLens name at {@code layer}, e.g. {@code blocks.3.hook_resid_mid}. */
    public String transformerLensName(int layer) { return "blocks." + layer + "." + transformerLensSuffix; }

    /**
     * The hook for a TransformerLens-style name with or without the {@code blocks.{l}.} prefix; accepts the alias
     * {@code mlp.hook_out} (MLP_OUT).
     *
     * @throws IllegalArgumentException for a name that is none of these
     */
    public static Hook fromTransformerLensName(String name) {
        String suffix = name.replaceFirst("^blocks\\.\\d+\\.", "");
        switch (suffix) {
            case "mlp.hook_out": return MLP_OUT;
            default:
                for (Hook h : values()) {
                    if (h.transformerLensSuffix.equals(suffix)) return h;
                }
                throw new IllegalArgumentException("unknown hook name: " + name);
        }
    }
}
