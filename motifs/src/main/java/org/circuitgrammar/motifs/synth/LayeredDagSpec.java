package org.circuitgrammar.motifs.synth;

import java.util.Locale;

/**
 * What {@link LayeredDagGenerator} builds. Node budget: {@code positions} embeddings (layer −1, one per position),
 * {@code logits} logits (layer {@code layers + 1}, at the last position, as circuit-tracer numbers them) and
 * {@code nodes − positions − logits} features spread uniformly over layers {@code 0..layers−1} and over positions
 * with weight {@code (p + 1)^positionSkew} (0: uniform; 3 puts two thirds of 8 positions' features at the last two).
 *
 * @param nodes                total node count
 * @param edges                exact number of distinct edges
 * @param layers               transcoder layers
 * @param positions            context positions (tokens)
 * @param logits               logit nodes (sinks)
 * @param samePosition         fraction of the non-logit edges that stay at one position (residual), the rest go
 *                             to a later one; with 25% logit edges, 0.9 gives about 70% same-position edges overall
 * @param negative             fraction of edges with a negative weight
 * @param toLogit              fraction of edges that end in a logit
 * @param seed                 the only source of randomness
 * @param positionSkew         ≥ 0: features sit at position p with weight (p + 1)^positionSkew
 */
public record LayeredDagSpec(int nodes, int edges, int layers, int positions, int logits, double samePosition,
                             double negative, double toLogit, long seed, double positionSkew) {
    /** Qwen3-0.6B per-layer-transcoder graphs: 28 layers, 8 positions, features mostly at the last positions. */
    public static final String QWEN_PRESET = "q";

    public LayeredDagSpec {
        if (!(positionSkew >= 0) || Double.isInfinite(positionSkew)) {
            throw new IllegalArgumentException("position skew must be finite and >= 0: " + positionSkew);
        }
        if (layers < 1 || positions < 1 || logits < 0 || nodes < positions + logits + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need layers >= 1, positions >= 1, logits >= 0 and nodes > positions + logits: "
                            + "nodes %d, layers %d, positions %d, logits %d", nodes, layers, positions, logits));
        }
        if (edges < 0) {
            throw new IllegalArgumentException("edges must be >= 0: " + edges);
        }
        for (double f : new double[] {samePosition, negative, toLogit}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("fractions must lie in [0, 1]: " + f);
            }
        }
    }

    /**
     * A spec with the attribution-graph-like defaults: 18 layers, up to 16 positions (one per 200 nodes), 10 logits
     * receiving 25% of the edges (the median share in the shared gemma-2-2b graphs, where every logit hears from
     * most nodes), 90% of the other edges at one position (so ~70% overall), 20% negative.
     */
    public static LayeredDagSpec of(int nodes, int edges, long seed) {
        int positions = Math.max(1, Math.min(16, nodes / 200));
        return new LayeredDagSpec(nodes, edges, 18, positions, Math.min(10, Math.max(0, nodes - positions - 1)),
                0.9, 0.2, 0.25, seed, 0);
    }

    /**
     * The benchmark sizes of {@code shared/spec/performance.md}: {@code s} 1,000 nodes / 20,000 edges,
     * {@code m} 5,000 / 100,000, {@code l} 20,000 / 500,000, and {@code d} 1,500 / 300,000 (dense like an unpruned
     * graph, on two positions so that 70% same-position edges fit, and only 3% of edges into the 10 logits, which
 * have just ~1,500 possible sources). s, m and l send 25% of their edges to the logits, so logit in-degrees are
 * in the hundreds (s) to thousands (m, l), as the spec describes and as igraph's running time reflects.
     * {@value #QWEN_PRESET}: 300 nodes / 21,000 edges over 28 layers and 8 positions, features skewed to the last
     * positions (skew 3), 5% of edges into the 10 logits, 40% of the rest at one position (70% would not fit:
     * same-position pairs are scarcer than cross ones when features crowd the last positions), shaped like the Qwen3-0.6B PLT graphs (about 65 links per
     * node, issue 13).
     */
    public static LayeredDagSpec preset(String name, long seed) {
        return switch (name) {
            case "s" -> new LayeredDagSpec(1_000, 20_000, 18, 8, 10, 0.9, 0.2, 0.25, seed, 0);
            case "m" -> new LayeredDagSpec(5_000, 100_000, 18, 12, 10, 0.9, 0.2, 0.25, seed, 0);
            case "l" -> new LayeredDagSpec(20_000, 500_000, 18, 16, 10, 0.9, 0.2, 0.25, seed, 0);
            case "d" -> new LayeredDagSpec(1_500, 300_000, 18, 2, 10, 0.71, 0.2, 0.03, seed, 0);
            case QWEN_PRESET -> new LayeredDagSpec(300, 21_000, 28, 8, 10, 0.4, 0.35, 0.05, seed, 3);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (s, m, l, d, q)");
        };
    }
}
