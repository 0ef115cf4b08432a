package org.circuitgrammar.corpus.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Graph-level facts.
 *
 * @param slug           {@code metadata.slug}
 * @param scan           {@code metadata.scan}; when the file has none, the model id it names (as Neuronpedia uses
 *                       {@code scan}), or null
 * @param model          the model name as far as the file tells it (e.g. {@code gemma-2-2b}), or null
 * @param transcoderKind inferred from {@code scan} / {@code info}, never from {@code feature_type}
 * @param prompt         {@code metadata.prompt}
 * @param promptTokens   {@code metadata.prompt_tokens}
 * @param extra          every other {@code metadata} field, every unknown top-level key and a non-default
 *                       {@code qParams}, as compact JSON text keyed by its JSON path ({@code $.metadata.info},
 *                       {@code $.activation_info}, {@code $.qParams}), in file order, so that a write gives them
 *                       back unchanged
 */
public record GraphMetadata(String slug, String scan, String model, TranscoderKind transcoderKind,
                            String prompt, List<String> promptTokens, Map<String, String> extra) {
    public GraphMetadata {
        Objects.requireNonNull(transcoderKind, "transcoderKind");
        promptTokens = promptTokens == null ? List.of() : List.copyOf(promptTokens);
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
