package org.circuitgrammar.tracer.prune;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Pruning and graph scores of spec §2 on a dense adjacency {@code A[target, source]} of {@code n} nodes, in double.
 *
 * <ul>
 *   <li>{@link #normalise}: {@code |A|} with each row divided by its sum (clamped at 1e-10).</li>
 *   <li>{@link #influence}: {@code w·(Â + Â² + …)}: the total share of the weighted targets that flows from each
 *       node when every target splits its credit over its inputs in proportion to {@code |A|}. The series ends
 *       because the graph is a DAG ({@code Â} is nilpotent); more than {@value #MAX_STEPS} steps is an error.</li>
 *   <li>{@link #findThreshold}: the score at which the descending cumulative sum first reaches {@code τ} of the
 *       total, never 0 unless every score is 0 (the later upstream fix of the {@code τ = 1} rounding quirk).</li>
 *   <li>{@link #prune}: node mask by influence (tokens and logits always kept), edge mask by edge score on the
 *       node-masked graph, then dangling features and errors removed until none is left.</li>
 *   <li>{@link #scores}: replacement and completeness scores of the unpruned graph (§2.4).</li>
 * </ul>
 * Cost O(depth·n²) time and O(n²) memory. Deterministic: ties in rankings are broken by node index.
 */
public final class GraphPruner {
    /** Most terms of the influence series. */
    public static final int MAX_STEPS = 1000;

    /** Node roles for the force-keep and dangling rules. */
    public enum Role { FEATURE, ERROR, TOKEN, LOGIT }

    /** A pruned graph: the kept nodes, the kept edges (row-major {@code target·n + source}) and per-node scores. */
    public record PruneResult(BitSet nodes, BitSet edges, double[] influence, double[] cumulativeScore) {
        public PruneResult {
            nodes = (BitSet) nodes.clone();
            edges = (BitSet) edges.clone();
            influence = influence.clone();
            cumulativeScore = cumulativeScore.clone();
        }

        @Override
        public BitSet nodes() { return (BitSet) nodes.clone(); }

        @Override
        public BitSet edges() { return (BitSet) edges.clone(); }

        @Override
        public double[] influence() { return influence.clone(); }

        @Override
        public double[] cumulativeScore() { return cumulativeScore.clone(); }

        public boolean keepsNode(int v) { return nodes.get(v); }

        public boolean keepsEdge(int target, int source, int n) { return edges.get(target * n + source); }
    }

    /** Replacement and completeness scores (§2.4). */
    public record GraphScores(double replacement, double completeness) {}

    private GraphPruner() {
    }

    /** Row-normalised {@code |A|}, row sums in double clamped at 1e-10. O(n²). */
    public static double[] normalise(float[] adjacency, int n) {
        double[] out = new double[n * n];
        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (int s = 0; s < n; s++) sum += Math.abs(adjacency[t * n + s]);
            sum = Math.max(sum, 1e-10);
            for (int s = 0; s < n; s++) out[t * n + s] = Math.abs(adjacency[t * n + s]) / sum;
        }
        return out;
    }

    /** {@code w·(Â + Â² + …)} for a row-normalised {@code Â}. O(depth·n²), rows with zero weight skipped. */
    public static double[] influence(double[] normalised, int n, double[] weights) {
        double[] total = new double[n];
        double[] r = weights.clone();
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] next = new double[n];
            boolean any = false;
            for (int t = 0; t < n; t++) {
                double rt = r[t];
                if (rt == 0) continue;
                int base = t * n;
                for (int s = 0; s < n; s++) next[s] += rt * normalised[base + s];
            }
            for (int s = 0; s < n; s++) {
                total[s] += next[s];
                any |= next[s] != 0;
            }
            if (!any) return total;
            r = next;
        }
        throw new IllegalStateException("influence did not converge in " + MAX_STEPS + " steps: the graph has a cycle");
    }

    /**
     * The score at which the descending cumulative sum (in double) first reaches {@code tau} of the total; the
     * smallest nonzero score when rounding would give a later index; 0 only when every score is 0. O(k log k) for k
     * nonzero scores.
     */
    public static double findThreshold(double[] scores, double tau) {
        if (!(tau >= 0 && tau <= 1)) throw new IllegalArgumentException("threshold must lie in [0,1], got " + tau);
        double[] nonzero = Arrays.stream(scores).filter(v -> v != 0).toArray();
        if (nonzero.length == 0) return 0;
        Arrays.sort(nonzero);
        double total = 0;
        for (double v : nonzero) total += v;
        double cumulative = 0;
        for (int i = nonzero.length - 1; i >= 0; i--) {
            cumulative += nonzero[i];
            if (cumulative / total >= tau) return nonzero[i];
        }
        return nonzero[0];
    }

    /**
     * Edge scores {@code Â[t,s]·(I[t] + w[t])} with {@code Â = normalise(adjacency)} and {@code I} its influence:
     * the share of {@code t}'s input that comes from {@code s} times {@code t}'s own influence (plus its logit
     * weight). Row-major, {@code n × n}. O(depth·n²).
     */
    public static double[] edgeScores(float[] adjacency, int n, double[] weights) {
        double[] normalised = normalise(adjacency, n);
        double[] influence = influence(normalised, n, weights);
        double[] scores = new double[n * n];
        for (int t = 0; t < n; t++) {
            double factor = influence[t] + weights[t];
            for (int s = 0; s < n; s++) scores[t * n + s] = normalised[t * n + s] * factor;
        }
        return scores;
    }

    /**
     * Prunes as spec §2.3 says.
     *
     * @param adjacency row-major {@code A[target, source]}, {@code n × n}
     * @param weights   the logit probabilities at the logit nodes, zero elsewhere
     * @param roles     the role of every node
     */
    public static PruneResult prune(float[] adjacency, int n, double[] weights, Role[] roles, double nodeThreshold,
                                    double edgeThreshold) {
        return pruneAndScore(adjacency, n, weights, roles, nodeThreshold, edgeThreshold).pruned();
    }

    /** A pruning and the scores of the same unpruned graph. */
    public record Analysis(PruneResult pruned, GraphScores scores) {}

    /**
     * {@link #prune} and {@link #scores} sharing one normalisation and one influence series. Memory: two
     * {@code n × n} double arrays at most (the normalised matrix, reused for the masked one and for the edge scores,
     * and the nonzero scores while the edge threshold is found).
     */
    public static Analysis pruneAndScore(float[] adjacency, int n, double[] weights, Role[] roles,
                                         double nodeThreshold, double edgeThreshold) {
        if (!(edgeThreshold >= 0 && edgeThreshold <= 1)) {
            throw new IllegalArgumentException("edge threshold must lie in [0,1], got " + edgeThreshold);
        }
        double[] normalised = normalise(adjacency, n);
        double[] nodeInfluence = influence(normalised, n, weights);
        GraphScores scores = scores(normalised, nodeInfluence, n, weights, roles);
        double nodeCut = findThreshold(nodeInfluence, nodeThreshold);
        BitSet nodes = new BitSet(n);
        for (int v = 0; v < n; v++) {
            if (nodeInfluence[v] >= nodeCut || roles[v] == Role.TOKEN || roles[v] == Role.LOGIT) nodes.set(v);
        }
        double[] edgeScores = normaliseInto(adjacency, n, nodes, normalised);
        double[] maskedInfluence = influence(edgeScores, n, weights);
        for (int t = 0; t < n; t++) {
            double factor = maskedInfluence[t] + weights[t];
            for (int s = 0; s < n; s++) edgeScores[t * n + s] *= factor;
        }
        double edgeCut = findThreshold(edgeScores, edgeThreshold);
        BitSet edges = new BitSet(n * n);
        for (int i = 0; i < edgeScores.length; i++) {
            if (edgeScores[i] != 0 && edgeScores[i] >= edgeCut) edges.set(i);
        }
        removeDangling(nodes, edges, n, roles);
        return new Analysis(new PruneResult(nodes, edges, nodeInfluence, cumulativeScores(nodeInfluence)), scores);
    }

    /** {@link #normalise} of {@code adjacency} with the rows and columns of nodes outside {@code kept} zeroed. */
    private static double[] normaliseInto(float[] adjacency, int n, BitSet kept, double[] out) {
        for (int t = 0; t < n; t++) {
            double sum = 0;
            boolean keepRow = kept.get(t);
            for (int s = 0; s < n; s++) {
                double v = keepRow && kept.get(s) ? Math.abs(adjacency[t * n + s]) : 0;
                out[t * n + s] = v;
                sum += v;
            }
            sum = Math.max(sum, 1e-10);
            for (int s = 0; s < n; s++) out[t * n + s] /= sum;
        }
        return out;
    }

    /**
     * Until nothing changes: a feature or error node without a kept outgoing edge, or a feature without a kept
     * incoming edge, is dropped with its edges. Tokens and logits stay. O(rounds·n²).
     */
    static void removeDangling(BitSet nodes, BitSet edges, int n, Role[] roles) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] outgoing = new int[n];
            int[] incoming = new int[n];
            for (int i = edges.nextSetBit(0); i >= 0; i = edges.nextSetBit(i + 1)) {
                outgoing[i % n]++;
                incoming[i / n]++;
            }
            for (int v = nodes.nextSetBit(0); v >= 0; v = nodes.nextSetBit(v + 1)) {
                boolean prunable = roles[v] == Role.FEATURE || roles[v] == Role.ERROR;
                boolean dangling = outgoing[v] == 0 || roles[v] == Role.FEATURE && incoming[v] == 0;
                if (prunable && dangling) {
                    nodes.clear(v);
                    for (int u = 0; u < n; u++) {
                        edges.clear(v * n + u);
                        edges.clear(u * n + v);
                    }
                    changed = true;
                }
            }
        }
    }

    /** Per node the cumulative share of total influence of the nodes ranked at or above it (ties by index). */
    static double[] cumulativeScores(double[] influence) {
        int n = influence.length;
        Integer[] order = new Integer[n];
        for (int v = 0; v < n; v++) order[v] = v;
        Arrays.sort(order, (a, b) -> influence[a] != influence[b] ? Double.compare(influence[b], influence[a])
                : Integer.compare(a, b));
        double total = 0;
        for (double v : influence) total += v;
        total = Math.max(total, 1e-10);
        double[] out = new double[n];
        double cumulative = 0;
        for (int v : order) {
            cumulative += influence[v];
            out[v] = cumulative / total;
        }
        return out;
    }

    /** Replacement and completeness scores of the unpruned graph. O(depth·n²). */
    public static GraphScores scores(float[] adjacency, int n, double[] weights, Role[] roles) {
        double[] normalised = normalise(adjacency, n);
        return scores(normalised, influence(normalised, n, weights), n, weights, roles);
    }

    private static GraphScores scores(double[] normalised, double[] influence, int n, double[] weights,
                                      Role[] roles) {
        double tokens = 0;
        double errors = 0;
        for (int v = 0; v < n; v++) {
            if (roles[v] == Role.TOKEN) tokens += influence[v];
            if (roles[v] == Role.ERROR) errors += influence[v];
        }
        double covered = 0;
        double total = 0;
        for (int t = 0; t < n; t++) {
            double errorShare = 0;
            for (int s = 0; s < n; s++) {
                if (roles[s] == Role.ERROR) errorShare += normalised[t * n + s];
            }
            double weight = influence[t] + weights[t];
            covered += (1 - errorShare) * weight;
            total += weight;
        }
        return new GraphScores(tokens / (tokens + errors), covered / total);
    }
}
