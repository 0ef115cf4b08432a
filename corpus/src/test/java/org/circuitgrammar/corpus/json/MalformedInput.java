package org.circuitgrammar.corpus.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The malformed inputs of issue 3, written into a directory at test time, with the one-line error each must give
 * (after {@code FILE: }). Shared by the reader tests here and the CLI tests.
 */
public final class MalformedInput {
    /** A minimal valid graph: an embedding, a feature, a logit, two links. */
    public static final String TINY = """
            {"metadata": {"slug": "tiny", "scan": "gemma-2-2b", "prompt_tokens": ["<bos>", "hi"], "prompt": "<bos>hi"},
             "qParams": {},
             "nodes": [
              {"node_id": "E_2_0", "feature": 0, "layer": "E", "ctx_idx": 0, "feature_type": "embedding",
               "jsNodeId": "E_2-0", "clerp": ""},
              {"node_id": "3_77_1", "feature": 3317, "layer": "3", "ctx_idx": 1, "feature_type": "cross layer transcoder",
               "jsNodeId": "3_77-0", "clerp": "", "activation": 2.5, "influence": 0.5},
              {"node_id": "27_9_1", "feature": 9, "layer": "27", "ctx_idx": 1, "feature_type": "logit",
               "token_prob": 0.75, "is_target_logit": true, "jsNodeId": "L_9-1", "clerp": "Output \\"x\\" (p=0.750)"}
             ],
             "links": [
              {"source": "E_2_0", "target": "3_77_1", "weight": 1.5},
              {"source": "3_77_1", "target": "27_9_1", "weight": -0.25}
             ]}
            """;

    /** Size of the random-bytes file. */
    public static final long RANDOM_BYTES = 100L * 1024 * 1024;

    private MalformedInput() {
    }

    /** File name → expected location and reason ({@code $.path: reason}), for the small malformed files. */
    public static Map<String, String> expectedErrors() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("truncated.json", "$.nodes[1].feature_type: line 7, column 4: Unexpected end-of-input");
        m.put("layer-object.json", "$.nodes[1].layer: expected a string or integer layer, found an object");
        m.put("unknown-target.json", "$.links[1].target: unknown node id \"x\"");
        m.put("nan-weight.json", "$.links[0].weight: non-finite number NaN");
        m.put("empty.json", "$: empty file");
        m.put("zero-nodes.json", "$.nodes: no nodes");
        m.put("random-bytes.json", "$: ");
        return m;
    }

    /** Writes every malformed file (and the 100 MB one) into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir, "truncated.json", TINY.substring(0, TINY.indexOf("\"jsNodeId\": \"3_77-0\"")));
        write(dir, "layer-object.json", TINY.replace("\"layer\": \"3\"", "\"layer\": {\"n\": 3}"));
        write(dir, "unknown-target.json", TINY.replace("\"target\": \"27_9_1\"", "\"target\": \"x\""));
        write(dir, "nan-weight.json", TINY.replace("\"weight\": 1.5", "\"weight\": NaN"));
        write(dir, "empty.json", "");
        write(dir, "zero-nodes.json", TINY.substring(0, TINY.indexOf("\"nodes\"")) + "\"nodes\": [], \"links\": []}");
        writeRandom(dir.resolve("random-bytes.json"), RANDOM_BYTES, 20261124L);
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Seeded random bytes, streamed to disk in 1 MB blocks. */
    public static void writeRandom(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long r = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        block[i + j] = (byte) (r >>> (8 * j));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }
}
