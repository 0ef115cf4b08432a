package org.circuitgrammar.corpus.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * Infers the transcoder kind and the model name from what a file says about its producer: {@code metadata.scan},
 * {@code info.transcoder_kind} (written by {@code cgram trace}: {@code clt}, {@code plt} or {@code skip-plt}),
 * {@code info.transcoder_set}, {@code info.neuronpedia_source_set}, {@code info.source_urls},
 * {@code feature_details.neuronpedia_source_set} and the OpenMOSS {@code tc_analysis_name}. Never from
 * {@code feature_type}, which says "cross layer transcoder" for per-layer transcoders too.
 */
public final class MetadataInference {
    private static final Pattern MODEL = Pattern.compile(
            "(gemma-\\d+-\\d+(?:\\.\\d+)?b(?:-it|-pt)?|llama-\\d+(?:\\.\\d+)?-\\d+(?:\\.\\d+)?b|"
                    + "qwen\\d*(?:\\.\\d+)?-\\d+(?:\\.\\d+)?b|gpt2(?:-small)?|stories\\d+[km])");
    /** circuit-tracer's GemmaScope transcoders are Gemma-2-2B's. */
    private static final Pattern GEMMA_SCOPE = Pattern.compile("gemma-?scope-transcoder");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9]+");

    private MetadataInference() {
    }

    /**
     * The first source (in the order given) that names a transcoder kind decides: a token {@code clt} (e.g.
     * {@code clt-hp}, {@code mntss/clt-gemma-2-2b-2.5M}) means CLT; {@code plt}, {@code transcoder(s)},
     * {@code gemmascope} or {@code skip} without {@code clt} means PLT; Anthropic's Haiku runs
     * ({@code jackl-circuits-…}) are CLT. An OpenMOSS {@code tc_analysis_name} means PLT (one transcoder per layer
     * plus lorsa). Nothing decisive: UNKNOWN.
     */
    public static TranscoderKind transcoderKind(List<String> sources) {
        for (String s : sources) {
            if (s == null) {
                continue;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("jackl-circuits")) {
                return TranscoderKind.CLT;
            }
            boolean plt = false;
            for (String token : TOKEN_SPLIT.split(lower)) {
                if (token.equals("clt")) {
                    return TranscoderKind.CLT;
                }
                plt |= token.equals("plt") || token.startsWith("transcoder") || token.equals("gemmascope")
                        || token.equals("skip") || token.equals("tc");
            }
            if (plt) {
                return TranscoderKind.PLT;
            }
        }
        return TranscoderKind.UNKNOWN;
    }

    /**
     * The model the file names: a known model-name pattern in any source (e.g. {@code gemma-2-2b} in
     * {@code mntss/clt-gemma-2-2b-2.5M}, llama2.c's {@code stories260k} in our own traces), GemmaScope transcoders → {@code gemma-2-2b}, else the OpenMOSS
     * analysis name ({@code lc0/BT4-1024x15x32h}), else null (Haiku files do not name their model).
     */
    public static String model(List<String> sources, String analysisName) {
        for (String s : sources) {
            if (s == null) {
                continue;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            Matcher m = MODEL.matcher(lower);
            if (m.find()) {
                return m.group(1);
            }
            if (GEMMA_SCOPE.matcher(lower).find()) {
                return "gemma-2-2b";
            }
        }
        return analysisName;
    }

    /** Collects the non-null strings, in priority order, for the two inferences. */
    static List<String> sources(String... candidates) {
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (c != null && !c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }
}
