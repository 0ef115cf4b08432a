package org.circuitgrammar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.folder.FileDigest;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.json.GraphWriter;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.FflSignType;
import org.circuitgrammar.motifs.instance.InstanceResult;
import org.circuitgrammar.motifs.instance.MotifInstance;
import org.circuitgrammar.motifs.instance.MotifInstanceFinder;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cgram motifs instances GRAPH --motif NAME --top K}: the strongest induced instances of a DAG motif, with
 * roles, labels, layers and positions, as a table or JSON; optionally the graph written back with the top instances
 * pinned and grouped for Neuronpedia.
 */
@Command(name = "instances",
        description = {"List the strongest instances of a DAG motif in a graph, ranked by strength "
                + "(the smallest |w| among the motif's edges).",
            "Instances are induced, so their number equals the census count. Motifs: ffl, chain, fan-in, "
                + "fan-out and the 4-node motifs D01..D24 by id or name (e.g. bi-fan, diamond, chain-4); "
                + "see docs/motifs.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage or input error (bad flags, unreadable or invalid graph file)"})
public final class MotifsInstancesCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRAPH", description = "attribution graph JSON file")
    Path graphFile;

    @Option(names = "--motif", required = true, paramLabel = "NAME",
            description = "ffl, chain, fan-in, fan-out, or a 4-node motif id/name (D01..D24, bi-fan, ...)")
    String motifName;

    @Option(names = "--top", paramLabel = "K", defaultValue = "20", description = "instances to list (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--ffl-type", paramLabel = "TYPE",
            description = "only FFLs of this sign type: C1..C4 (coherent), I1..I4 (incoherent)")
    FflSignType fflType;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--neuronpedia", paramLabel = "OUT.json",
            description = "also write the graph with qParams.pinnedIds/supernodes set to the top instances")
    Path neuronpediaOut;

    @Mixin
    AnalysisViewMixin viewOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DagMotif motif = DagMotif.byName(motifName).orElse(null);
        if (motif == null) {
            err.println("unknown motif '" + motifName + "'; known: " + knownMotifs());
            return CgramCommand.EXIT_INPUT;
        }
        if (fflType != null && motif != DagMotif.FFL) {
            err.println("--ffl-type needs --motif ffl, not " + motif.shortName());
            return CgramCommand.EXIT_INPUT;
        }
        AnalysisOptions options;
        try {
            options = viewOptions.options();
        } catch (IllegalArgumentException e) {
            err.println("cgram motifs instances: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        if (top < 0) {
            err.println("--top must be >= 0");
            return CgramCommand.EXIT_INPUT;
        }
        AttributionGraph graph;
        try {
            graph = new GraphReader().read(graphFile);
        } catch (InvalidGraphException e) {
            err.println(e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        AnalysedGraph view = AnalysedGraph.of(graph, options);
        InstanceResult result = new MotifInstanceFinder(view.graph()).find(motif, top, fflType);
        try {
            if (format == Format.json) {
                printJson(view, result);
            } else {
                printTable(view, result);
            }
            if (neuronpediaOut != null) {
                writeNeuronpedia(view, result);
            }
        } catch (IOException e) {
            err.println((neuronpediaOut != null ? neuronpediaOut : graphFile) + ": " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        return 0;
    }

    private static String knownMotifs() {
        return java.util.Arrays.stream(DagMotif.values()).map(m -> m.size() == 3 ? m.shortName()
                : m.id() + "/" + m.shortName()).collect(Collectors.joining(", "));
    }

    private void printTable(AnalysedGraph view, InstanceResult r) {
        PrintWriter out = spec.commandLine().getOut();
        DagMotif m = r.motif();
        out.printf(Locale.ROOT, "%s (%s)%s in %s: %d instances; analysed view %d nodes, %d edges; top %d by strength%n",
                m.shortName(), m.id(), r.fflType() == null ? "" : " of type " + r.fflType(), graphFile,
                r.total(), view.graph().nodeCount(), view.graph().edgeCount(), r.top().size());
        int rank = 0;
        for (MotifInstance inst : r.top()) {
            rank++;
            out.printf(Locale.ROOT, "#%d  strength %.6g%s  edges: %s%n", rank, inst.strength(),
                    m == DagMotif.FFL ? "  type " + inst.fflSignType() : "", edgeText(inst));
            for (int role = 0; role < m.size(); role++) {
                int v = view.originalNode(inst.node(role));
                AttributionGraph g = view.source();
                out.printf(Locale.ROOT, "    %-13s %-24s layer %3d  pos %3d  %s%n", m.roles().get(role),
                        g.nodeId(v), g.layer(v), g.position(v), g.label(v) == null ? "" : g.label(v));
            }
        }
        out.flush();
    }

    private static String edgeText(MotifInstance inst) {
        DagMotif m = inst.motif();
        List<String> parts = new ArrayList<>();
        for (int e = 0; e < m.edgeCount(); e++) {
            parts.add(roleLetter(m, m.edgeSource(e)) + "→" + roleLetter(m, m.edgeTarget(e))
                    + String.format(Locale.ROOT, " %+.4g", inst.weight(e)));
        }
        return String.join(", ", parts);
    }

    /** FFL roles as X, Y, Z (Mangan & Alon); otherwise the role name, numbered when several roles share it. */
    private static String roleLetter(DagMotif m, int role) {
        if (m == DagMotif.FFL) {
            return "XYZ".substring(role, role + 1);
        }
        String name = m.roles().get(role);
        int same = 0;
        int index = 0;
        for (int r = 0; r < m.size(); r++) {
            if (m.roles().get(r).equals(name)) {
                same++;
                if (r <= role) {
                    index++;
                }
            }
        }
        return same == 1 ? name : name + index;
    }

    record NodeRow(String role, String nodeId, String label, int layer, int position, String kind) { }

    record EdgeRow(String source, String target, double weight) { }

    record InstanceRow(int rank, double strength, String fflType, List<NodeRow> nodes, List<EdgeRow> edges) { }

    /** How the listing was made: input fingerprint, view options, tool version. */
    record Provenance(String tool, String input, String inputSha256, boolean keepErrors, double threshold,
                      int maxLayerGap, int top) { }

    record Report(String graph, String motif, String motifId, String fflTypeFilter, long total,
                  int analysedNodes, int analysedEdges, List<InstanceRow> instances, Provenance provenance) { }

    private void printJson(AnalysedGraph view, InstanceResult r) throws IOException {
        DagMotif m = r.motif();
        AttributionGraph g = view.source();
        List<InstanceRow> rows = new ArrayList<>();
        int rank = 0;
        for (MotifInstance inst : r.top()) {
            List<NodeRow> nodes = new ArrayList<>();
            for (int role = 0; role < m.size(); role++) {
                int v = view.originalNode(inst.node(role));
                nodes.add(new NodeRow(m.roles().get(role), g.nodeId(v), g.label(v), g.layer(v), g.position(v),
                        g.kind(v).name().toLowerCase(Locale.ROOT)));
            }
            List<EdgeRow> edges = new ArrayList<>();
            for (int e = 0; e < m.edgeCount(); e++) {
                edges.add(new EdgeRow(nodes.get(m.edgeSource(e)).nodeId(), nodes.get(m.edgeTarget(e)).nodeId(),
                        inst.weight(e)));
            }
            rows.add(new InstanceRow(++rank, inst.strength(),
                    m == DagMotif.FFL ? inst.fflSignType().name() : null, nodes, edges));
        }
        Provenance provenance = new Provenance(new ManifestVersionProvider().getVersion()[0], graphFile.toString(),
                FileDigest.sha256(graphFile), viewOptions.keepErrors, viewOptions.threshold, viewOptions.maxLayerGap,
                top);
        Report report = new Report(graphFile.toString(), m.shortName(), m.id(),
                r.fflType() == null ? null : r.fflType().name(), r.total(), view.graph().nodeCount(),
                view.graph().edgeCount(), rows, provenance);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        out.flush();
    }

    /**
     * Pins every node of the top instances and makes one supernode per instance that shares no node with a
     * higher-ranked one (Neuronpedia shows a node in one supernode at most).
     */
    private void writeNeuronpedia(AnalysedGraph view, InstanceResult r) throws IOException {
        AttributionGraph g = view.source();
        boolean useJsIds = savedStateUsesJsNodeIds(g);
        Set<String> pinned = new LinkedHashSet<>();
        List<GraphWriter.Supernode> groups = new ArrayList<>();
        BitSet grouped = new BitSet();
        int rank = 0;
        for (MotifInstance inst : r.top()) {
            rank++;
            List<String> ids = new ArrayList<>();
            boolean disjoint = true;
            for (int role = 0; role < inst.motif().size(); role++) {
                int v = view.originalNode(inst.node(role));
                ids.add(pinId(g, v, useJsIds));
                disjoint &= !grouped.get(v);
            }
            pinned.addAll(ids);
            if (disjoint) {
                for (int role = 0; role < inst.motif().size(); role++) {
                    grouped.set(view.originalNode(inst.node(role)));
                }
                String type = inst.motif() == DagMotif.FFL ? " " + inst.fflSignType() : "";
                groups.add(new GraphWriter.Supernode(inst.motif().shortName() + " #" + rank + type, ids));
            }
        }
        new GraphWriter().pinnedIds(List.copyOf(pinned)).supernodes(groups).write(g, neuronpediaOut);
        spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %d pinned nodes, %d supernodes%n",
                neuronpediaOut, pinned.size(), groups.size());
    }

    /**
     * Neuronpedia's circuit-tracer graphs pin {@code node_id}s; Anthropic's (Haiku) graphs pin {@code jsNodeId}s.
     * Follow the file's own saved state when it has one; otherwise use {@code node_id}.
     */
    private static boolean savedStateUsesJsNodeIds(AttributionGraph g) throws IOException {
        String qParams = g.metadata().extra().get("$.qParams");
        if (qParams == null) {
            return false;
        }
        Set<String> saved = new HashSet<>();
        JsonNode q = Json.MAPPER.readTree(qParams);
        q.path("pinnedIds").forEach(id -> saved.add(id.asText()));
        for (JsonNode group : q.path("supernodes")) {
            for (int i = 1; i < group.size(); i++) {
                saved.add(group.get(i).asText());
            }
        }
        int byNodeId = 0;
        int byJsId = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            byNodeId += saved.contains(g.nodeId(v)) ? 1 : 0;
            String js = jsNodeId(g, v);
            byJsId += js != null && saved.contains(js) ? 1 : 0;
        }
        return byJsId > byNodeId;
    }

    private static String pinId(AttributionGraph g, int v, boolean useJsIds) throws IOException {
        String js = useJsIds ? jsNodeId(g, v) : null;
        return js != null ? js : g.nodeId(v);
    }

    private static String jsNodeId(AttributionGraph g, int v) throws IOException {
        String extra = g.nodeExtra(v);
        if (extra == null) {
            return null;
        }
        JsonNode js = Json.MAPPER.readTree(extra).get("jsNodeId");
        return js == null || js.isNull() ? null : js.asText();
    }

    /** Lazy holder: building an ObjectMapper costs ~0.2 s of start-up that other subcommands should not pay. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
