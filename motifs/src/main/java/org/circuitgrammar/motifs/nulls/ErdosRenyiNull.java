package org.circuitgrammar.motifs.nulls;

import java.util.List;
import java.util.SplittableRandom;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Erdős–Rényi G(n, m): m distinct ordered pairs (u, v), u ≠ v, drawn uniformly from the n(n−1) candidates, as
 * igraph's {@code Erdos_Renyi(n, m, directed=True, loops=False)}. Mutual pairs are allowed; layers and degrees are
 * ignored, so samples of a DAG are not DAGs. Every sample is independent (no chain).
 *
 * <p>Signs: {@link SignMode#SHUFFLED} lays the observed weights in random order onto the new edges (the exact E/I
 * count kept); {@link SignMode#BERNOULLI} draws ±1 per edge as circuit-motifs does.
 *
 * <p>Invariants: nodes, edge count, no self-loops or parallel edges (an edge count below m would reveal a duplicate),
 * and with SHUFFLED the number of excitatory edges. Cost per sample {@code O(m log m)} ({@code O(n² / 64 + m)} while
 * n(n−1) ≤ 2^24, the subset then coming out sorted from a bitset).
 */
public final class ErdosRenyiNull implements NullModel {
    private final SignedDigraph observed;
    private final SignMode signs;
    private final int[] whole;
    private final double excitatoryFraction;

    public ErdosRenyiNull(SignedDigraph observed, SignMode signs) {
        if (signs != SignMode.SHUFFLED && signs != SignMode.BERNOULLI) {
            throw new IllegalArgumentException("ER signs are SHUFFLED or BERNOULLI, not " + signs);
        }
        this.observed = observed;
        this.signs = signs;
        this.whole = new int[] {0, observed.edgeCount()};
        int excitatory = 0;
        for (double w : observed.rawOutWeights()) {
            excitatory += Invariants.excitatory(w) ? 1 : 0;
        }
        this.excitatoryFraction = observed.edgeCount() == 0 ? 1.0 : (double) excitatory / observed.edgeCount();
    }

    @Override
    public NullKind kind() {
        return NullKind.ER;
    }

    @Override
    public SignedDigraph observed() {
        return observed;
    }

    @Override
    public boolean isMarkovChain() {
        return false;
    }

    @Override
    public NullSampler newSampler(SplittableRandom rng) {
        return new DirectSampler(observed, () -> draw(rng));
    }

    private SignedDigraph draw(SplittableRandom rng) {
        int n = observed.nodeCount();
        int m = observed.edgeCount();
        long[] picks = RandomSubsets.sample((long) n * (n - 1), m, rng);
        // ascending pair indices are the rows of the n × (n−1) matrix that skips the diagonal, in order, each row's
        // targets ascending: the CSR comes out directly, without a sort
        int[] outOff = new int[n + 1];
        int[] outAdj = new int[m];
        for (int i = 0; i < m; i++) {
            int u = (int) (picks[i] / (n - 1));
            int r = (int) (picks[i] % (n - 1));
            outOff[u + 1]++;
            outAdj[i] = r < u ? r : r + 1;
        }
        for (int v = 0; v < n; v++) {
            outOff[v + 1] += outOff[v];
        }
        double[] w = EdgeSigns.assign(signs, observed.rawOutWeights(), whole, excitatoryFraction, rng);
        return SignedDigraph.fromSortedRows(observed.rawLayers(), observed.rawPositions(), outOff, outAdj, w);
    }

    @Override
    public List<String> invariantViolations(SignedDigraph sample) {
        List<String> out = Invariants.nodesAndEdgeCount(observed, sample);
        if (signs == SignMode.SHUFFLED) {
            Invariants.sameMultiset(observed, sample, "signed weights", (h, s, t, w) -> List.of(w), out);
        }
        return out;
    }
}
