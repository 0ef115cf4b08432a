package org.circuitgrammar.corpus.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes links that name a duplicated node id to one of the nodes carrying it.
 *
 * <p>Real files repeat node ids (circuit-tracer's old error ids {@code 0_<layer>_<pos>} collide with layer-0
 * feature ids: {@code gemma-2-2b/plt/dollar.json} has a layer-0 feature and a layer-2 error both called
 * {@code 0_2_1}). Links name nodes only by id, so for each such link the candidates (every pairing of the
 * source's and target's nodes) are narrowed by three rules, in order, each applied only if it keeps at least one
 * candidate:
 * <ol>
 *   <li><b>layer</b>: the source's layer must be below the target's (attribution flows upward);</li>
 *   <li><b>order</b>: if every unambiguous link of the file is sorted by (target index, source index), as
 *       circuit-tracer writes them, the candidate must keep that order with the nearest unambiguous (or already
 *       attributed) links before and after it;</li>
 *   <li><b>occurrence</b>: the k-th link with the same (source id, target id) goes to the k-th remaining
 *       candidate in node order (the last one when there are fewer), so a repeated pair is spread over the
 *       duplicates instead of being stacked on one.</li>
 * </ol>
 * Cost: O(m) to check the order, plus O(d·c) per ambiguous link for c candidate pairs and a scan of length d
 * to the next unambiguous link.
 */
final class DuplicateIdResolver {
    /** One link that names a duplicated id; {@code sourceId}/{@code targetId} is null when that end is unique. */
    record AmbiguousLink(int link, String sourceId, String targetId) {
    }

    private final int[] layers;
    private final Map<String, int[]> duplicates;

    DuplicateIdResolver(int[] layers, Map<String, int[]> duplicates) {
        this.layers = layers;
        this.duplicates = duplicates;
    }

    /**
     * Fills {@code src[link]}/{@code tgt[link]} (set to -1 by the reader) for every ambiguous link and returns one
     * note per duplicated id saying where it occurs and how its links were attributed.
     */
    List<String> resolve(int[] src, int[] tgt, int edgeCount, List<AmbiguousLink> ambiguous) {
        boolean ordered = producerOrdered(src, tgt, edgeCount);
        Map<String, int[]> decidedBy = new LinkedHashMap<>();
        for (String id : duplicates.keySet()) {
            decidedBy.put(id, new int[4]);
        }
        Map<String, Integer> occurrences = new HashMap<>();
        for (AmbiguousLink a : ambiguous) {
            int i = a.link();
            int[] sources = a.sourceId() == null ? new int[] {src[i]} : duplicates.get(a.sourceId());
            int[] targets = a.targetId() == null ? new int[] {tgt[i]} : duplicates.get(a.targetId());
            List<int[]> pairs = new ArrayList<>();
            for (int s : sources) {
                for (int t : targets) {
                    pairs.add(new int[] {s, t});
                }
            }
            int rule = 3;
            pairs = narrow(pairs, p -> layers[p[0]] < layers[p[1]]);
            if (pairs.size() == 1) {
                rule = 0;
            } else if (ordered) {
                int[] prev = neighbour(src, tgt, edgeCount, i, -1);
                int[] next = neighbour(src, tgt, edgeCount, i, +1);
                pairs = narrow(pairs, p -> (prev == null || compare(prev, p) <= 0)
                        && (next == null || compare(p, next) <= 0));
                if (pairs.size() == 1) {
                    rule = 1;
                }
            }
            String pairKey = a.sourceId() + "\u0000" + a.targetId() + "\u0000" + src[i] + "\u0000" + tgt[i];
            int k = occurrences.merge(pairKey, 1, Integer::sum) - 1;
            if (rule == 3 && k == 0) {
                rule = 2;
            }
            int[] chosen = pairs.get(Math.min(k, pairs.size() - 1));
            src[i] = chosen[0];
            tgt[i] = chosen[1];
            for (String id : new String[] {a.sourceId(), a.targetId()}) {
                if (id != null) {
                    decidedBy.get(id)[rule]++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        decidedBy.forEach((id, counts) -> notes.add(note(id, counts)));
        return notes;
    }

    private String note(String id, int[] counts) {
        StringBuilder sb = new StringBuilder("duplicate node id \"").append(id).append("\" at");
        int[] nodes = duplicates.get(id);
        for (int j = 0; j < nodes.length; j++) {
            sb.append(j == 0 ? " " : ", ").append("$.nodes[").append(nodes[j]).append(']');
        }
        int total = counts[0] + counts[1] + counts[2] + counts[3];
        if (total == 0) {
            return sb.append("; no link names it").toString();
        }
        return sb.append("; kept all, ").append(total).append(" links naming it attributed: ")
                .append(counts[0]).append(" by layer (source below target), ")
                .append(counts[1]).append(" by the producer's (target, source) link order, ")
                .append(counts[2]).append(" to the first remaining candidate, ")
                .append(counts[3]).append(" by occurrence (k-th repeat of a pair to the k-th node)").toString();
    }

    private interface PairTest {
        boolean test(int[] pair);
    }

    /** The pairs passing the test, or all of them when none does. */
    private static List<int[]> narrow(List<int[]> pairs, PairTest test) {
        List<int[]> kept = new ArrayList<>();
        for (int[] p : pairs) {
            if (test.test(p)) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? pairs : kept;
    }

    /** (target, source) order, the order circuit-tracer writes links in. */
    private static int compare(int[] a, int[] b) {
        int c = Integer.compare(a[1], b[1]);
        return c != 0 ? c : Integer.compare(a[0], b[0]);
    }

    /** The nearest link in direction {@code step} whose two ends are known, as {source, target}, or null. */
    private static int[] neighbour(int[] src, int[] tgt, int edgeCount, int from, int step) {
        for (int j = from + step; j >= 0 && j < edgeCount; j += step) {
            if (src[j] >= 0 && tgt[j] >= 0) {
                return new int[] {src[j], tgt[j]};
            }
        }
        return null;
    }

    /** Whether the links with two known ends are sorted by (target, source). */
    private static boolean producerOrdered(int[] src, int[] tgt, int edgeCount) {
        int prevS = -1;
        int prevT = -1;
        for (int i = 0; i < edgeCount; i++) {
            if (src[i] < 0 || tgt[i] < 0) {
                continue;
            }
            if (tgt[i] < prevT || (tgt[i] == prevT && src[i] < prevS)) {
                return false;
            }
            prevS = src[i];
            prevT = tgt[i];
        }
        return true;
    }
}
