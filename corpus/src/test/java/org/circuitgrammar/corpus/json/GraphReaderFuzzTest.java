package org.circuitgrammar.corpus.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of {@link GraphReader} (and {@link GraphWriter} on what it accepts) from the real corpus files:
 * byte mutations (bit flips, cuts, splices, JSON punctuation) and JSON-structure mutations (delete, replace with a
 * value of another type, duplicate, swap ids). Property: every input either reads - and then survives
 * write → read unchanged - or fails with an {@link InvalidGraphException} whose message is one line naming the
 * input; anything else is a crash, saved under {@code target/fuzz-crashes/}.
 *
 * <p>Not in CI: {@code mvn -Pfuzz -pl corpus test} runs it for {@code -Dcgram.fuzz.seconds} (default 600);
 * {@code -Dcgram.fuzz.seed} replays a run.
 */
@Tag("fuzz")
class GraphReaderFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] PUNCTUATION = "{}[]\",:-.0123456789eE \ntfnNaI".getBytes(StandardCharsets.US_ASCII);

    @Test
    void mutatedCorpusFiles_readOrFailCleanly() throws IOException {
        long seconds = Long.getLong("cgram.fuzz.seconds", 600);
        long seed = Long.getLong("cgram.fuzz.seed", System.nanoTime());
        System.out.println("fuzz: seed " + seed + ", " + seconds + " s");
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> seeds = new ArrayList<>();
        for (Path f : SharedData.corpusFiles()) {
            if (Files.size(f) <= 400_000) {
                seeds.add(Files.readAllBytes(f));
            }
        }
        GraphReader reader = new GraphReader();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long runs = 0;
        long accepted = 0;
        List<String> crashes = new ArrayList<>();
        while (System.nanoTime() < end) {
            byte[] input = seeds.get(random.nextInt(seeds.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                input = random.nextInt(3) == 0 ? mutateStructure(input, random) : mutateBytes(input, random);
            }
            runs++;
            String name = "fuzz-" + seed + "-" + runs + ".json";
            try {
                AttributionGraph g = reader.read(new ByteArrayInputStream(input), name);
                accepted++;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new GraphWriter().write(g, out);
                AttributionGraph back = reader.read(new ByteArrayInputStream(out.toByteArray()), name);
                if (!g.equals(back)) {
                    crashes.add(save(name, input, "round trip changed the graph"));
                }
            } catch (InvalidGraphException e) {
                String m = e.getMessage();
                if (!m.startsWith(name + ": ") || m.contains("\n") || m.length() > 600) {
                    crashes.add(save(name, input, "badly formed message: " + m));
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                crashes.add(save(name, input, e.toString()));
            }
            if (crashes.size() >= 20) {
                break;
            }
        }
        System.out.println("fuzz: " + runs + " inputs, " + accepted + " read, " + crashes.size() + " crashes");
        assertTrue(runs > 0);
        assertEquals(List.of(), crashes);
    }

    private static String save(String name, byte[] input, String what) {
        try {
            Path dir = Path.of("target", "fuzz-crashes");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), input);
        } catch (IOException e) {
            what += " (not saved: " + e.getMessage() + ")";
        }
        return name + ": " + what;
    }

    // ---- byte mutations

    static byte[] mutateBytes(byte[] in, SplittableRandom r) {
        if (in.length == 0) {
            return new byte[] {PUNCTUATION[r.nextInt(PUNCTUATION.length)]};
        }
        int at = r.nextInt(in.length);
        int len = 1 + r.nextInt(Math.min(64, in.length - at));
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        switch (r.nextInt(6)) {
            case 0 -> { // flip bits
                byte[] copy = in.clone();
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return copy;
            }
            case 1 -> { // cut a range
                out.write(in, 0, at);
                out.write(in, at + len, in.length - at - len);
            }
            case 2 -> { // duplicate a range
                out.write(in, 0, at + len);
                out.write(in, at, in.length - at);
            }
            case 3 -> { // JSON punctuation
                byte[] copy = in.clone();
                copy[at] = PUNCTUATION[r.nextInt(PUNCTUATION.length)];
                return copy;
            }
            case 4 -> { // truncate
                out.write(in, 0, at);
            }
            default -> { // random bytes inserted
                out.write(in, 0, at);
                for (int i = 0; i < len; i++) {
                    out.write(r.nextInt(256));
                }
                out.write(in, at, in.length - at);
            }
        }
        return out.toByteArray();
    }

    // ---- structure mutations

    static byte[] mutateStructure(byte[] in, SplittableRandom r) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            return mutateBytes(in, r);
        }
        if (root == null || !root.isContainerNode() || root.isEmpty()) {
            return mutateBytes(in, r);
        }
        JsonNode parent = pickContainer(root, r);
        switch (r.nextInt(5)) {
            case 0 -> remove(parent, r);
            case 1, 2 -> replace(parent, r, randomValue(r, root));
            case 3 -> duplicate(parent, r);
            default -> swapIds(root, r);
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random container, biased toward nodes and links (where the reader does most). */
    private static JsonNode pickContainer(JsonNode root, SplittableRandom r) {
        JsonNode at = root;
        for (int depth = 0; depth < 4 && r.nextInt(4) != 0; depth++) {
            List<JsonNode> children = new ArrayList<>();
            at.elements().forEachRemaining(c -> {
                if (c.isContainerNode() && !c.isEmpty()) {
                    children.add(c);
                }
            });
            if (children.isEmpty()) {
                break;
            }
            at = children.get(r.nextInt(children.size()));
        }
        return at;
    }

    private static void remove(JsonNode parent, SplittableRandom r) {
        if (parent instanceof ArrayNode a && !a.isEmpty()) {
            a.remove(r.nextInt(a.size()));
        } else if (parent instanceof ObjectNode o && !o.isEmpty()) {
            o.remove(fieldNames(o).get(r.nextInt(o.size())));
        }
    }

    private static void replace(JsonNode parent, SplittableRandom r, JsonNode value) {
        if (parent instanceof ArrayNode a && !a.isEmpty()) {
            a.set(r.nextInt(a.size()), value);
        } else if (parent instanceof ObjectNode o && !o.isEmpty()) {
            o.set(fieldNames(o).get(r.nextInt(o.size())), value);
        }
    }

    private static void duplicate(JsonNode parent, SplittableRandom r) {
        if (parent instanceof ArrayNode a && !a.isEmpty()) {
            a.insert(r.nextInt(a.size() + 1), a.get(r.nextInt(a.size())).deepCopy());
        } else if (parent instanceof ObjectNode o && !o.isEmpty()) {
            String name = fieldNames(o).get(r.nextInt(o.size()));
            o.set(name + "_copy", o.get(name).deepCopy());
        }
    }

    /** Gives a node or link end another node's id, or a made-up one. */
    private static void swapIds(JsonNode root, SplittableRandom r) {
        JsonNode nodes = root.path("nodes");
        JsonNode links = root.path("links");
        if (!nodes.isArray() || nodes.isEmpty() || !(nodes.get(0) instanceof ObjectNode)) {
            return;
        }
        String other = nodes.get(r.nextInt(nodes.size())).path("node_id").asText("x");
        if (r.nextBoolean() && links.isArray() && !links.isEmpty() && links.get(0) instanceof ObjectNode) {
            ObjectNode link = (ObjectNode) links.get(r.nextInt(links.size()));
            link.put(r.nextBoolean() ? "source" : "target", r.nextInt(4) == 0 ? other + "_" : other);
        } else if (nodes.get(r.nextInt(nodes.size())) instanceof ObjectNode node) {
            node.put("node_id", other);
        }
    }

    private static JsonNode randomValue(SplittableRandom r, JsonNode root) {
        return switch (r.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextLong());
            case 3 -> NODES.numberNode(r.nextInt(60) - 5);
            case 4 -> NODES.numberNode(r.nextDouble() * 1e6 - 5e5);
            case 5 -> NODES.numberNode(new java.math.BigInteger(80, new java.util.Random(r.nextLong())));
            case 6 -> NODES.textNode(List.of("E", "e", "-1", "", "27", "1e3", "\u0663", " 4 ", "error", "NaN")
                    .get(r.nextInt(10)));
            case 7 -> NODES.objectNode().put("n", 1);
            case 8 -> NODES.arrayNode().add(1).add("a");
            case 9 -> NODES.textNode("\u0000\uD83D\uDE00\"\\");
            case 10 -> NODES.numberNode(r.nextBoolean() ? Double.MAX_VALUE : Double.MIN_VALUE);
            default -> root.path("nodes").isArray() && !root.path("nodes").isEmpty()
                    ? root.path("nodes").get(0).deepCopy() : NODES.nullNode();
        };
    }

    private static List<String> fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }

    @Test
    void mutators_changeTheInputDeterministically() {
        byte[] seed = MalformedInput.TINY.getBytes(StandardCharsets.UTF_8);
        byte[] a = mutateStructure(seed, new SplittableRandom(3));
        byte[] b = mutateStructure(seed, new SplittableRandom(3));
        assertEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
        assertFalse(new String(seed, StandardCharsets.UTF_8).equals(new String(mutateBytes(seed,
                new SplittableRandom(4)), StandardCharsets.UTF_8)));
    }
}
