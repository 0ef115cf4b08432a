package org.circuitgrammar.reports.recurring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recurring circuits on the shared Gemma-2-2B CLT graphs (one feature set) against a brute-force search: every
 * ordered pair of adjacent nodes (x, y) with every third node z, checked on a dense adjacency matrix.
 */
class RecurringCircuitFinderTest {
    private static final List<AnalysedGraph> GEMMA_CLT = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        for (Path p : SharedData.corpusFiles()) {
            if (p.toString().contains("gemma-2-2b/clt/")) {
                AttributionGraph g = new GraphReader().read(p);
                GEMMA_CLT.add(AnalysedGraph.of(g, AnalysisOptions.DEFAULT));
            }
        }
        assertTrue(GEMMA_CLT.size() >= 30, "shared Gemma CLT graphs: " + GEMMA_CLT.size());
    }

    /** Key text → (graph → best strength), by brute force. */
    private static Map<String, Map<Integer, Double>> bruteForce() {
        Map<String, Map<Integer, Double>> out = new TreeMap<>();
        for (int g = 0; g < GEMMA_CLT.size(); g++) {
            AnalysedGraph view = GEMMA_CLT.get(g);
            SignedDigraph d = view.graph();
            int n = d.nodeCount();
            double[][] w = new double[n][n];
            boolean[][] adj = new boolean[n][n];
            for (int s = 0; s < n; s++) {
                for (int e = d.rawOutOffsets()[s]; e < d.rawOutOffsets()[s + 1]; e++) {
                    adj[s][d.rawOutTargets()[e]] = true;
                    w[s][d.rawOutTargets()[e]] = d.rawOutWeights()[e];
                }
            }
            String[] name = new String[n];
            for (int v = 0; v < n; v++) {
                int o = view.originalNode(v);
                if (view.source().kind(o) == NodeKind.FEATURE) {
                    name[v] = "L" + view.source().layer(o) + "/" + view.source().featureIndex(o);
                }
            }
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    if (!adj[x][y] || adj[y][x] || name[x] == null || name[y] == null) {
                        continue;
                    }
                    for (int z = 0; z < n; z++) {
                        if (z != x && z != y && name[z] != null && adj[y][z] && adj[x][z] && !adj[z][y]
                                && !adj[z][x]) {
                            double s = Math.min(Math.abs(w[x][y]), Math.min(Math.abs(w[y][z]), Math.abs(w[x][z])));
                            out.computeIfAbsent(name[x] + " → " + name[y] + " → " + name[z], k -> new HashMap<>())
                                    .merge(g, s, Math::max);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void find_sharedGemmaClt_equalsBruteForce() {
        Map<String, Map<Integer, Double>> brute = bruteForce();
        for (int k : new int[] {3, 8}) {
            List<RecurringCircuit> found = RecurringCircuitFinder.find(GEMMA_CLT, k);
            Map<String, Map<Integer, Double>> expected = new TreeMap<>();
            brute.forEach((key, graphs) -> {
                if (graphs.size() >= k) {
                    expected.put(key, graphs);
                }
            });
            assertFalse(expected.isEmpty(), "the test bed has circuits recurring in " + k + " graphs");
            Map<String, Map<Integer, Double>> actual = new TreeMap<>();
            for (RecurringCircuit c : found) {
                Map<Integer, Double> graphs = new HashMap<>();
                c.occurrences().forEach(o -> graphs.put(o.graph(), o.strength()));
                assertEquals(c.graphs(), graphs.size());
                actual.put(c.key().toString(), graphs);
            }
            assertEquals(expected, actual, "k = " + k);
            for (int i = 1; i < found.size(); i++) {
                RecurringCircuit a = found.get(i - 1);
                RecurringCircuit b = found.get(i);
                assertTrue(a.graphs() > b.graphs() || a.graphs() == b.graphs()
                        && a.medianStrength() >= b.medianStrength(), "ranked by recurrence, then strength");
            }
            RecurringCircuit top = found.get(0);
            double[] strengths = expected.get(top.key().toString()).values().stream().mapToDouble(Double::doubleValue)
                    .sorted().toArray();
            int m = strengths.length / 2;
            double median = strengths.length % 2 == 1 ? strengths[m] : (strengths[m - 1] + strengths[m]) / 2;
            assertEquals(median, top.medianStrength(), 0.0);
        }
    }

    @Test
    void find_occurrence_pinsEveryInstanceNodeStrongestFirst() {
        RecurringCircuit top = RecurringCircuitFinder.find(GEMMA_CLT, 3).get(0);
        RecurringCircuit.Occurrence o = top.occurrences().get(0);
        AnalysedGraph view = GEMMA_CLT.get(o.graph());
        AttributionGraph g = view.source();
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            index.put(g.nodeId(v), v);
        }
        FeatureRef[] roles = {top.key().regulator(), top.key().intermediate(), top.key().target()};
        for (int r = 0; r < 3; r++) {
            for (String id : o.roleNodes().get(r)) {
                int v = index.get(id);
                assertEquals(roles[r], new FeatureRef(g.layer(v), g.featureIndex(v)), id);
                assertTrue(o.nodeIds().contains(id));
            }
        }
        assertEquals(o.nodeIds().size(), o.roleNodes().stream().mapToInt(List::size).sum());
        assertTrue(o.instances() >= 1);
    }
}
