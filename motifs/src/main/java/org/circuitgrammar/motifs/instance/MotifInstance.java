package org.circuitgrammar.motifs.instance;

import java.util.Arrays;
import java.util.Objects;
import org.circuitgrammar.motifs.grammar.DagMotif;
import org.circuitgrammar.motifs.grammar.FflSignType;

/**
 * One induced occurrence of a {@link DagMotif}: its nodes in role order, the signed weight of each motif edge, and
 * its strength, the smallest {@code |w|} among those edges (the motif is as strong as its weakest edge).
 * Immutable; arrays are copied in and out.
 */
public final class MotifInstance {
    private final DagMotif motif;
    private final int[] nodes;
    private final double[] weights;
    private final double strength;

    /**
     * @param nodes   node index per role ({@code motif.roles()} order)
     * @param weights signed weight per motif edge ({@code motif.edgeSource(e) -> motif.edgeTarget(e)} order)
     */
    public MotifInstance(DagMotif motif, int[] nodes, double[] weights) {
        this.motif = Objects.requireNonNull(motif);
        if (nodes.length != motif.size() || weights.length != motif.edgeCount()) {
            throw new IllegalArgumentException(motif + " needs " + motif.size() + " nodes and "
                    + motif.edgeCount() + " weights");
        }
        this.nodes = nodes.clone();
        this.weights = weights.clone();
        double s = Double.POSITIVE_INFINITY;
        for (double w : weights) {
            s = Math.min(s, Math.abs(w));
        }
        this.strength = s;
    }

    public DagMotif motif() { return motif; }

    /** The node playing role {@code role}. */
    public int node(int role) { return nodes[role]; }

    /** Nodes in role order, a fresh copy. */
    public int[] nodes() { return nodes.clone(); }

    /** Signed weight of motif edge {@code e}. */
    public double weight(int e) { return weights[e]; }

    /** The smallest {@code |w|} among the motif's edges. */
    public double strength() { return strength; }

    /** The sign type of an FFL instance. */
    public FflSignType fflSignType() {
        if (motif != DagMotif.FFL) {
            throw new IllegalStateException(motif + " is not an FFL");
        }
        // FFL edges in DagMotif order: X->Y, X->Z, Y->Z
        return FflSignType.of(weights[0], weights[2], weights[1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MotifInstance m && motif == m.motif && Arrays.equals(nodes, m.nodes)
                && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(motif, Arrays.hashCode(nodes), Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return motif.shortName() + Arrays.toString(nodes) + " strength " + strength;
    }
}
