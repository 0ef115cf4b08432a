package org.circuitgrammar.tracer.transcoder;

import java.util.List;
import java.util.Objects;

import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * The {@code config.yaml} of a transcoder folder (circuit-tracer's current format, spec §4.1).
 *
 * @param modelName         the base model's name ({@code model_name})
 * @param kind              {@code model_kind}: PLT ({@code transcoder_set}) or CLT ({@code cross_layer_transcoder})
 * @param featureInputHook  TransformerLens hook name relative to {@code blocks.{l}.} that features read
 *                          ({@code hook_resid_mid}, {@code mlp.hook_in}, {@code ln2.hook_normalized})
 * @param featureOutputHook hook the transcoder predicts ({@code hook_mlp_out} or {@code mlp.hook_out})
 * @param activation        {@code relu}, {@code topk} or {@code jumprelu}; null when absent (then JumpReLU if a
 *                          threshold tensor exists, else ReLU)
 * @param k                 TopK's k, or null (a TopK set without it takes {@code k} from its layer files)
 * @param transcoders       per-layer file paths relative to the folder, or an empty list (then
 *                          {@code layer_{i}.safetensors} for a PLT)
 */
public record TranscoderConfig(String modelName, TranscoderKind kind, String featureInputHook,
                               String featureOutputHook, String activation, Integer k, List<String> transcoders) {

    public TranscoderConfig {
        Objects.requireNonNull(modelName, "model_name");
        Objects.requireNonNull(featureInputHook, "feature_input_hook");
        Objects.requireNonNull(featureOutputHook, "feature_output_hook");
        if (kind != TranscoderKind.PLT && kind != TranscoderKind.CLT) {
            throw new IllegalArgumentException("model_kind must be transcoder_set or cross_layer_transcoder");
        }
        if (activation != null && !List.of("relu", "topk", "jumprelu").contains(activation)) {
            throw new IllegalArgumentException("activation must be relu, topk or jumprelu, got " + activation);
        }
        if (k != null && k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        transcoders = transcoders == null ? List.of() : List.copyOf(transcoders);
    }

    /** {@code transcoder_set} or {@code cross_layer_transcoder}. */
    public String modelKind() {
        return kind == TranscoderKind.CLT ? "cross_layer_transcoder" : "transcoder_set";
    }

    /** The kind for a {@code model_kind} value. */
    static TranscoderKind kindOf(String modelKind) {
        return switch (modelKind) {
            case "transcoder_set" -> TranscoderKind.PLT;
            case "cross_layer_transcoder" -> TranscoderKind.CLT;
            default -> throw new IllegalArgumentException(
                    "model_kind must be transcoder_set or cross_layer_transcoder, got " + modelKind);
        };
    }
}
