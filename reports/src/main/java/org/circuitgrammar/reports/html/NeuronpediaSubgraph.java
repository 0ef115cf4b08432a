package org.circuitgrammar.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphWriter;
import org.circuitgrammar.reports.recurring.FeatureRef;
import org.circuitgrammar.reports.recurring.RecurringCircuit;

/**
 * A recurring circuit as a Neuronpedia subgraph of one graph: {@code qParams.pinnedIds} = every node of the circuit's
 * instances in that graph (strongest instance first) and one supernode per role ({@code "X L3/12"}, …) holding that
 * feature's nodes at every position. Node ids are the file's {@code node_id}s.
 */
public final class NeuronpediaSubgraph {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NeuronpediaSubgraph() {
    }

    /** The {@code qParams} object of {@code occurrence} as compact JSON. */
    public static String qParams(RecurringCircuit circuit, RecurringCircuit.Occurrence occurrence) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("pinnedIds", occurrence.nodeIds());
        List<List<String>> supernodes = new ArrayList<>();
        for (GraphWriter.Supernode s : supernodes(circuit, occurrence)) {
            List<String> entry = new ArrayList<>();
            entry.add(s.label());
            entry.addAll(s.nodeIds());
            supernodes.add(entry);
        }
        q.put("supernodes", supernodes);
        try {
            return JSON.writeValueAsString(q);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code graph} with the circuit pinned to {@code target} (atomically). */
    public static void write(AttributionGraph graph, RecurringCircuit circuit, RecurringCircuit.Occurrence occurrence,
                             Path target) throws IOException {
        new GraphWriter().pinnedIds(occurrence.nodeIds()).supernodes(supernodes(circuit, occurrence))
                .write(graph, target);
    }

    private static List<GraphWriter.Supernode> supernodes(RecurringCircuit circuit,
                                                          RecurringCircuit.Occurrence occurrence) {
        FeatureRef[] roles = {circuit.key().regulator(), circuit.key().intermediate(), circuit.key().target()};
        List<GraphWriter.Supernode> out = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            out.add(new GraphWriter.Supernode("XYZ".charAt(r) + " " + roles[r], occurrence.roleNodes().get(r)));
        }
        return out;
    }
}
