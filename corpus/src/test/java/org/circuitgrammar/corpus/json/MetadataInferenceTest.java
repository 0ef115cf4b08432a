package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.junit.jupiter.api.Test;

/** The kind and model of graphs traced by this project (stories260K), read through {@link GraphReader}. */
class MetadataInferenceTest {
    private static GraphMetadata read(String metadata) throws Exception {
        String json = "{\"metadata\":{" + metadata + ",\"prompt_tokens\":[\"<s>\",\"Once\"],\"prompt\":\"Once\"},"
                + "\"qParams\":{\"pinnedIds\":[],\"supernodes\":[],\"linkType\":\"both\",\"clickedId\":\"\",\"sg_pos\":\"\"},"
                + "\"nodes\":[{\"node_id\":\"E_403_1\",\"feature\":1,\"layer\":\"E\",\"ctx_idx\":1,"
                + "\"feature_type\":\"embedding\",\"is_target_logit\":false,\"clerp\":\"\"},"
                + "{\"node_id\":\"6_261_1\",\"feature\":261,\"layer\":\"6\",\"ctx_idx\":1,\"feature_type\":\"logit\","
                + "\"token_prob\":0.5,\"is_target_logit\":true,\"clerp\":\"\"}],"
                + "\"links\":[{\"source\":\"E_403_1\",\"target\":\"6_261_1\",\"weight\":1.5}]}";
        return new GraphReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "inline.json")
                .metadata();
    }

    /** Neuronpedia-style scan (the model id alone): the explicit {@code info.transcoder_kind} decides. */
    @Test
    void read_modelIdScanWithTranscoderKind_kindAndModelRecognised() throws Exception {
        GraphMetadata clt = read("\"slug\":\"a\",\"scan\":\"stories260K\",\"info\":{\"transcoder_kind\":\"clt\"}");
        assertEquals(TranscoderKind.CLT, clt.transcoderKind());
        assertEquals("stories260k", clt.model());
        GraphMetadata skip = read("\"slug\":\"a\",\"scan\":\"stories260K\",\"info\":{\"transcoder_kind\":\"skip-plt\"}");
        assertEquals(TranscoderKind.PLT, skip.transcoderKind());
    }

    @Test
    void read_scanWithKindToken_kindRecognised() throws Exception {
        assertEquals(TranscoderKind.PLT, read("\"slug\":\"a\",\"scan\":\"stories260K/plt\"").transcoderKind());
        assertEquals(TranscoderKind.CLT, read("\"slug\":\"a\",\"scan\":\"stories260K/clt\"").transcoderKind());
        assertEquals(TranscoderKind.UNKNOWN, read("\"slug\":\"a\",\"scan\":\"stories260K\"").transcoderKind());
    }

    @Test
    void model_llama2cStoriesNames_recognised() {
        assertEquals("stories15m", MetadataInference.model(List.of("karpathy/Stories15M"), null));
        assertEquals("stories260k", MetadataInference.model(List.of("stories260K/clt"), null));
    }
}
