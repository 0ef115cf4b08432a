package org.circuitgrammar.motifs.synth;

import java.util.Locale;

/**
 * What {@link LayeredDagGenerator} builds. Node budget: {@code positions} embeddings (layer −1, one per position),
 * {@code logits} logits (layer {@code layers + 1}, at the last position, as circuit-tracer numbers them) and
 * {@code nodes − positions − logits} features spread uniformly over layers {@code 0..layers−1} and positions.
 *
 * @param nodes                total node count
 * @param edges                exact number of distinct edges
 * @param layers               transcoder layers
 * @param positions            context positions (tokens)
 * @param logits               logit nodes (sinks)
 * @param samePosition         fraction of the non-logit edges that stay at one position (residual), the rest go
 *                             to a later one; 0.77 gives about 70% same-position edges overall
 * @param negative             fraction of edges with a negative weight
 * @param toLogit              fraction of edges that end in a logit
 * @param seed                 the only source of randomness
 */
public record LayeredDagSpec(int nodes, int edges, int layers, int positions, int logits, double samePosition,
                             double negative, double toLogit, long seed) {
    public LayeredDagSpec {
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

    /** A spec with the attribution-graph-like defaults: 18 layers, ~70% same-position, 20% negative, 10 logits. */
    public static LayeredDagSpec of(int nodes, int edges, long seed) {
        int positions = Math.max(1, Math.min(16, nodes / 200));
        return new LayeredDagSpec(nodes, edges, 18, positions, Math.min(10, Math.max(0, nodes - positions - 1)),
                0.77, 0.2, 0.1, seed);
    }

    /**
     * The benchmark sizes of {@code shared/spec/performance.md}: {@code s} 1,000 nodes / 20,000 edges,
     * {@code m} 5,000 / 100,000, {@code l} 20,000 / 500,000, and {@code d} 1,500 / 300,000 (dense like an unpruned
     * graph, on two positions so that 70% same-position edges fit, and only 3% of edges into the 10 logits, which
 * have just ~1,500 possible sources).
     */
    public static LayeredDagSpec preset(String name, long seed) {
        return switch (name) {
            case "s" -> new LayeredDagSpec(1_000, 20_000, 18, 8, 10, 0.77, 0.2, 0.1, seed);
            case "m" -> new LayeredDagSpec(5_000, 100_000, 18, 12, 10, 0.77, 0.2, 0.1, seed);
            case "l" -> new LayeredDagSpec(20_000, 500_000, 18, 16, 10, 0.77, 0.2, 0.1, seed);
            case "d" -> new LayeredDagSpec(1_500, 300_000, 18, 2, 10, 0.77, 0.2, 0.03, seed);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (s, m, l, d)");
        };
    }
}
