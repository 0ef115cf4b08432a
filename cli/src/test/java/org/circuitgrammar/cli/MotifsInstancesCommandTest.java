package org.circuitgrammar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MotifsInstancesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Haiku Dallas graph; its analysed view (errors dropped) has 16125 FFLs (networkx triadic_census 030T). */
    private static final Path DALLAS = sharedDir().resolve("corpus/claude-3.5-haiku/clt/capital-state-dallas.json");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static Path sharedDir() {
        String dir = System.getProperty("cgram.shared.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
    }

    private int run(String... args) {
        CommandLine cl = CgramCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private JsonNode runJson(String... args) throws Exception {
        out.getBuffer().setLength(0);
        assertEquals(0, run(args), err.toString());
        return JSON.readTree(out.toString());
    }

    @Test
    void help_describesOptionsAndExitCodes() {
        assertEquals(0, run("motifs", "instances", "--help"));
        String help = out.toString();
        for (String option : List.of("--motif", "--top", "--format", "--neuronpedia", "--keep-errors",
                "--threshold", "--max-layer-gap", "--ffl-type", "Exit codes:")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
    }

    @Test
    void motifsAlone_printsUsageListingInstances() {
        assertEquals(0, run("motifs"));
        assertTrue(out.toString().contains("instances"), out.toString());
    }

    @Test
    void ffl_dallasJson_totalIsTheTriadCountAndRolesFollowTheEdges() throws Exception {
        JsonNode r = runJson("motifs", "instances", DALLAS.toString(), "--motif", "ffl", "--top", "5",
                "--format", "json");
        assertEquals(16125, r.get("total").asLong());
        assertEquals("030T", r.get("motifId").asText());
        assertEquals(org.circuitgrammar.corpus.folder.FileDigest.sha256(DALLAS),
                r.get("provenance").get("inputSha256").asText());
        assertEquals(5, r.get("provenance").get("top").asInt());
        JsonNode instances = r.get("instances");
        assertEquals(5, instances.size());
        Map<String, Double> links = links(new GraphReader().read(DALLAS));
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode inst : instances) {
            JsonNode nodes = inst.get("nodes");
            assertEquals("regulator", nodes.get(0).get("role").asText());
            assertEquals("intermediate", nodes.get(1).get("role").asText());
            assertEquals("target", nodes.get(2).get("role").asText());
            String x = nodes.get(0).get("nodeId").asText();
            String y = nodes.get(1).get("nodeId").asText();
            String z = nodes.get(2).get("nodeId").asText();
            // the FFL's three edges exist in the file in the roles' direction, and strength is the weakest of them
            double xy = links.get(x + ">" + y);
            double xz = links.get(x + ">" + z);
            double yz = links.get(y + ">" + z);
            double strength = Math.min(Math.abs(xy), Math.min(Math.abs(xz), Math.abs(yz)));
            assertEquals(strength, inst.get("strength").asDouble(), 1e-12);
            assertTrue(strength <= previous, "ranked by strength");
            previous = strength;
            String expectedType = (xy >= 0 ? "+" : "-") + (yz >= 0 ? "+" : "-") + (xz >= 0 ? "+" : "-");
            assertEquals(expectedType, signPattern(inst.get("fflType").asText()));
        }
    }

    @Test
    void fflTypes_dallas_splitAllFfls() throws Exception {
        long sum = 0;
        for (String type : List.of("C1", "C2", "C3", "C4", "I1", "I2", "I3", "I4")) {
            JsonNode r = runJson("motifs", "instances", DALLAS.toString(), "--motif", "ffl", "--ffl-type", type,
                    "--top", "1", "--format", "json");
            sum += r.get("total").asLong();
            for (JsonNode inst : r.get("instances")) {
                assertEquals(type, inst.get("fflType").asText());
            }
        }
        assertEquals(16125, sum);
    }

    @Test
    void biFan_dallas_totalEqualsIgraphCount() throws Exception {
        // igraph motifs_randesu(size=4) class 19 (bi-fan) on the analysed view: motifs/src/test/resources/quad
        JsonNode r = runJson("motifs", "instances", DALLAS.toString(), "--motif", "bi-fan", "--top", "2",
                "--format", "json");
        assertEquals(17683, r.get("total").asLong());
        assertEquals(List.of("A", "B", "C", "D"), roles(r.get("instances").get(0)));
    }

    @Test
    void table_dallasChain_listsRolesLabelsLayers() {
        assertEquals(0, run("motifs", "instances", DALLAS.toString(), "--motif", "chain", "--top", "2"));
        String text = out.toString();
        assertTrue(text.startsWith("chain (021C) in "), text);
        assertTrue(text.contains(": 10150 instances"), text); // networkx triadic_census 021C
        assertTrue(text.contains("#1  strength") && text.contains("#2  strength"), text);
        assertTrue(text.contains("source") && text.contains("middle") && text.contains("sink"), text);
        assertFalse(text.contains("#3"), text);
    }

    @Test
    void threshold_removesWeakEdges_fewerInstances() throws Exception {
        long all = runJson("motifs", "instances", DALLAS.toString(), "--motif", "ffl", "--top", "0",
                "--format", "json").get("total").asLong();
        JsonNode strong = runJson("motifs", "instances", DALLAS.toString(), "--motif", "ffl", "--top", "3",
                "--threshold", "1.0", "--format", "json");
        assertTrue(strong.get("total").asLong() < all);
        for (JsonNode inst : strong.get("instances")) {
            assertTrue(inst.get("strength").asDouble() >= 1.0);
        }
    }

    @Test
    void neuronpedia_dallas_pinsTopInstancesInTheFilesIdConvention(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("pinned.json");
        JsonNode r = runJson("motifs", "instances", DALLAS.toString(), "--motif", "ffl", "--top", "3",
                "--format", "json", "--neuronpedia", target.toString());
        assertTrue(Files.exists(target));
        AttributionGraph written = new GraphReader().read(target);
        JsonNode q = JSON.readTree(written.metadata().extra().get("$.qParams"));
        // Dallas's own saved state pins jsNodeIds, so ours does too
        Map<String, String> jsId = new HashMap<>();
        for (int v = 0; v < written.nodeCount(); v++) {
            jsId.put(written.nodeId(v), JSON.readTree(written.nodeExtra(v)).get("jsNodeId").asText());
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode inst : r.get("instances")) {
            for (JsonNode node : inst.get("nodes")) {
                String id = jsId.get(node.get("nodeId").asText());
                if (!expected.contains(id)) {
                    expected.add(id);
                }
            }
        }
        List<String> pinned = new ArrayList<>();
        q.get("pinnedIds").forEach(p -> pinned.add(p.asText()));
        assertEquals(expected, pinned);
        JsonNode first = q.get("supernodes").get(0);
        assertTrue(first.get(0).asText().startsWith("ffl #1"), first.toString());
        assertEquals(expected.subList(0, 3), List.of(first.get(1).asText(), first.get(2).asText(),
                first.get(3).asText()));
        assertEquals(written.nodeCount(), new GraphReader().read(DALLAS).nodeCount());
    }

    @Test
    void unknownMotif_isUsageErrorNamingKnownOnes() {
        assertEquals(2, run("motifs", "instances", DALLAS.toString(), "--motif", "pentagon"));
        assertTrue(err.toString().contains("unknown motif 'pentagon'"), err.toString());
        assertTrue(err.toString().contains("bi-fan"), err.toString());
    }

    @Test
    void fflTypeWithoutFfl_isUsageError() {
        assertEquals(2, run("motifs", "instances", DALLAS.toString(), "--motif", "chain", "--ffl-type", "C1"));
        assertTrue(err.toString().contains("--ffl-type needs --motif ffl"), err.toString());
    }

    @Test
    void missingFile_isInputErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertEquals(2, run("motifs", "instances", missing.toString(), "--motif", "ffl"));
        assertTrue(err.toString().startsWith(missing.toString()), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void invalidJson_isInputErrorWithJsonPath(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nodes\": 3}");
        assertEquals(2, run("motifs", "instances", bad.toString(), "--motif", "ffl"));
        assertTrue(err.toString().startsWith(bad.toString() + ": $"), err.toString());
    }

    private static Map<String, Double> links(AttributionGraph g) {
        Map<String, Double> out = new HashMap<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            out.putIfAbsent(g.nodeId(g.edgeSource(e)) + ">" + g.nodeId(g.edgeTarget(e)), g.edgeWeight(e));
        }
        return out;
    }

    private static List<String> roles(JsonNode inst) {
        List<String> out = new ArrayList<>();
        inst.get("nodes").forEach(n -> out.add(n.get("role").asText()));
        return out;
    }

    /** Mangan & Alon's table: signs of X→Y, Y→Z, X→Z. */
    private static String signPattern(String type) {
        return switch (type) {
            case "C1" -> "+++";
            case "C2" -> "-+-";
            case "C3" -> "+--";
            case "C4" -> "--+";
            case "I1" -> "+-+";
            case "I2" -> "---";
            case "I3" -> "++-";
            case "I4" -> "-++";
            default -> throw new AssertionError(type);
        };
    }
}
