package org.circuitgrammar.motifs.census;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * A second, label-level oracle for the signed and position families: walks every triple, and for each induced
 * FFL, chain or fan writes out its labels from the definitions in the Javadoc (sign strings, r/a letters).
 */
final class LabelledBruteForce {
    /** Mangan &amp; Alon types by the sign string of (X→Y, Y→Z, X→Z). */
    private static final Map<String, String> FFL_TYPE = Map.of(
            "+++", "C1", "-+-", "C2", "+--", "C3", "--+", "C4",
            "+-+", "I1", "---", "I2", "++-", "I3", "-++", "I4");

    private LabelledBruteForce() {
    }

    static long[] count(SignedDigraph g, List<String> labels) {
        Map<String, Long> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l, 0L));
        int n = g.nodeCount();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    for (String label : labelsOf(g, new int[] {a, b, c})) {
                        counts.computeIfPresent(label, (k, v) -> v + 1);
                    }
                }
            }
        }
        return counts.values().stream().mapToLong(Long::longValue).toArray();
    }

    /** The labels of one triple; empty unless it is an induced FFL, chain or fan. */
    private static List<String> labelsOf(SignedDigraph g, int[] v) {
        int edges = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j && g.hasEdge(v[i], v[j])) {
                    edges++;
                }
            }
        }
        for (int x : v) {
            for (int y : v) {
                for (int z : v) {
                    if (x == y || y == z || x == z) {
                        continue;
                    }
                    if (edges == 3 && g.hasEdge(x, y) && g.hasEdge(y, z) && g.hasEdge(x, z)) {
                        String signs = sign(g, x, y) + sign(g, y, z) + sign(g, x, z);
                        String type = FFL_TYPE.get(signs);
                        return List.of(type, type.startsWith("C") ? "coherent" : "incoherent",
                                "ffl-" + kind(g, x, y) + kind(g, y, z) + kind(g, x, z));
                    }
                    if (edges == 2 && g.hasEdge(x, y) && g.hasEdge(y, z)) {
                        return List.of("chain" + sign(g, x, y) + sign(g, y, z));
                    }
                    if (edges == 2 && g.hasEdge(x, y) && g.hasEdge(x, z) && y < z) {
                        return List.of("fanout" + sorted(sign(g, x, y), sign(g, x, z)));
                    }
                    if (edges == 2 && g.hasEdge(x, z) && g.hasEdge(y, z) && x < y) {
                        return List.of("fanin" + sorted(sign(g, x, z), sign(g, y, z)));
                    }
                }
            }
        }
        return List.of();
    }

    private static String sorted(String p, String q) {
        return p.equals("-") && q.equals("+") ? "+-" : p + q;
    }

    private static String sign(SignedDigraph g, int s, int t) {
        return g.weight(s, t) < 0 ? "-" : "+";
    }

    private static String kind(SignedDigraph g, int s, int t) {
        return g.position(s) == g.position(t) ? "s" : "c";
    }
}
