package org.circuitgrammar.motifs.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;

/**
 * Deterministic generator of synthetic layered signed DAGs shaped like attribution graphs, for benchmarks and
 * tests (semantics of {@code shared/spec/performance.md}).
 *
 * <p>Shape: embeddings (layer −1, one per position), features (uniform over layers and positions, file order by
 * layer then position), logits (layer {@code layers + 1}, last position). Each edge picks its source among
 * embeddings and features with a Pareto(α = 1.5) weight (clipped to half its number of admissible targets), so
 * out-degree is heavy-tailed; then with probability
 * {@code toLogit} a uniform logit (logits end as sinks with in-degree near {@code toLogit·edges / logits}), else
 * with probability {@code samePosition} a feature at the source's position, else one at a uniformly chosen later
 * position, always in a strictly higher layer. So edges only go up in layer and never back in position, and the
 * result is a DAG. A draw that repeats an edge or finds no admissible target is redrawn (same kind of edge, new
 * source), so the proportions hold among the placed edges; weights are
 * {@code ±Exp(1)}, negative with probability {@code negative}.
 *
 * <p>Determinism: the output is a function of the spec alone (one {@link SplittableRandom} seeded from it).
 * Time {@code O(edges · log nodes)} expected; throws {@link IllegalArgumentException} when the spec asks for more
 * edges than the constraints leave room for (after 64·edges + 1000 draws).
 */
public final class LayeredDagGenerator {
    private static final double PARETO_ALPHA = 1.5;

    private LayeredDagGenerator() {
    }

    /** Generates the graph described by {@code spec}. */
    public static AttributionGraph generate(LayeredDagSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        int positions = spec.positions();
        int layers = spec.layers();
        int features = spec.nodes() - positions - spec.logits();
        int logitLayer = layers + 1;
        String[] tokens = IntStream.range(0, positions).mapToObj(p -> "t" + p).toArray(String[]::new);
        GraphMetadata metadata = new GraphMetadata(
                "synth-n" + spec.nodes() + "-m" + spec.edges() + "-s" + spec.seed(), "synthetic",
                "synthetic-layered-dag", TranscoderKind.UNKNOWN,
                "synthetic layered DAG: " + spec, List.of(tokens), null);
        AttributionGraph.Builder b = AttributionGraph.builder(metadata);

        for (int p = 0; p < positions; p++) {
            b.addNode("E_" + p + "_" + p, NodeKind.EMBEDDING, -1, p).feature(p).label(tokens[p]);
        }
        // features sorted by (layer, position): file order like circuit-tracer output
        long[] keys = new long[features];
        double[] positionCumulative = new double[positions];
        for (int p = 0; p < positions; p++) {
            positionCumulative[p] = (p > 0 ? positionCumulative[p - 1] : 0) + Math.pow(p + 1, spec.positionSkew());
        }
        for (int f = 0; f < features; f++) {
            int l = random.nextInt(layers);
            int p = spec.positionSkew() == 0 ? random.nextInt(positions)
                    : pick(positionCumulative, random.nextDouble() * positionCumulative[positions - 1]);
            keys[f] = (long) l * positions + p;
        }
        Arrays.sort(keys);
        int[] nextIndex = new int[layers];
        int[] layer = new int[spec.nodes()];
        int[] position = new int[spec.nodes()];
        for (int p = 0; p < positions; p++) {
            layer[p] = -1;
            position[p] = p;
        }
        for (int f = 0; f < features; f++) {
            int l = (int) (keys[f] / positions);
            int p = (int) (keys[f] % positions);
            int idx = nextIndex[l]++;
            int v = b.addNode(l + "_" + idx + "_" + p, NodeKind.FEATURE, l, p)
                    .feature(cantor(l, idx)).featureIndex(idx).label("feature " + l + "/" + idx)
                    .activation(1 + random.nextDouble() * 9).featureType("cross layer transcoder").index();
            layer[v] = l;
            position[v] = p;
        }
        int firstLogit = positions + features;
        for (int k = 0; k < spec.logits(); k++) {
            int v = b.addNode(logitLayer + "_" + k + "_" + (positions - 1), NodeKind.LOGIT, logitLayer,
                    positions - 1).label("out" + k).tokenProb(Math.pow(0.5, k + 1)).targetLogit(k == 0)
                    .featureType("logit").index();
            layer[v] = logitLayer;
            position[v] = positions - 1;
        }

        TargetIndex targets = new TargetIndex(positions, layers, firstLogit, layer, position);
        long[] capacity = new long[firstLogit];
        for (int v = 0; v < firstLogit; v++) {
            capacity[v] = targets.above(position[v], layer[v]) + spec.logits();
        }
        double[] cumulative = sourceWeights(random, firstLogit, capacity, spec.edges());
        LongHashSet seen = new LongHashSet(spec.edges());
        long draws = 0;
        long maxDraws = 64L * spec.edges() + 1000;
        int made = 0;
        // kinds that cannot exist here (no logits; one position, so nothing is cross-position) get no share
        double logitCut = spec.logits() == 0 ? 0 : spec.toLogit();
        double sameCut = positions == 1 ? 1 : logitCut + (1 - logitCut) * spec.samePosition();
        while (made < spec.edges()) {
            // choose the edge's kind first and redraw within it, so rejections do not skew the proportions
            double kind = random.nextDouble();
            int s;
            int t;
            do {
                if (++draws > maxDraws) {
                    throw new IllegalArgumentException("could only place " + made + " of " + spec.edges()
                            + " edges under the layer and position constraints: " + spec);
                }
                s = pick(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
                if (kind < logitCut) {
                    t = firstLogit + random.nextInt(spec.logits());
                } else if (kind < sameCut) {
                    t = targets.pick(random, position[s], layer[s]);
                } else if (position[s] == positions - 1) {
                    t = -1;
                } else {
                    int q = position[s] + 1 + random.nextInt(positions - 1 - position[s]);
                    t = targets.pick(random, q, layer[s]);
                }
            } while (t < 0 || !seen.add((long) s << 32 | t));
            double w = -Math.log(1 - random.nextDouble());
            b.addEdge(s, t, random.nextDouble() < spec.negative() ? -w : w);
            made++;
        }
        return b.build();
    }

    private static long cantor(long a, long b) {
        return (a + b) * (a + b + 1) / 2 + b;
    }

    /**
     * Cumulative Pareto weights of the possible sources 0..sources−1 (embeddings and features), each clipped so
     * that the source expects at most half of its admissible targets: in dense specs the heaviest sources would
     * otherwise saturate and almost every draw would be a rejected repeat.
     */
    private static double[] sourceWeights(SplittableRandom random, int sources, long[] capacity, int edges) {
        double[] weight = new double[sources];
        for (int v = 0; v < sources; v++) {
            weight[v] = Math.pow(1 - random.nextDouble(), -1 / PARETO_ALPHA);
        }
        for (int round = 0; round < 8; round++) {
            double total = 0;
            for (double x : weight) {
                total += x;
            }
            for (int v = 0; v < sources; v++) {
                weight[v] = Math.min(weight[v], 0.5 * capacity[v] * total / Math.max(1, edges));
            }
        }
        double[] c = new double[sources];
        double total = 0;
        for (int v = 0; v < sources; v++) {
            total += weight[v];
            c[v] = total;
        }
        return c;
    }

    /** The first index whose cumulative weight exceeds {@code x}. */
    private static int pick(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return i >= 0 ? Math.min(i + 1, cumulative.length - 1) : Math.min(-i - 1, cumulative.length - 1);
    }

    /** Features per position in layer order, with where each layer starts, for "a feature at p above layer l". */
    private static final class TargetIndex {
        private final int[][] byPosition;
        private final int[][] layerStart;    // layerStart[p][l + 1]: first slot in byPosition[p] with layer > l

        TargetIndex(int positions, int layers, int featureEnd, int[] layer, int[] position) {
            int[] count = new int[positions];
            for (int v = positions; v < featureEnd; v++) {
                count[position[v]]++;
            }
            byPosition = new int[positions][];
            layerStart = new int[positions][layers + 1];
            for (int p = 0; p < positions; p++) {
                byPosition[p] = new int[count[p]];
            }
            int[] fill = new int[positions];
            for (int v = positions; v < featureEnd; v++) {     // features are in layer order already
                byPosition[position[v]][fill[position[v]]++] = v;
            }
            for (int p = 0; p < positions; p++) {
                int slot = 0;
                for (int l = -1; l < layers; l++) {
                    while (slot < byPosition[p].length && layer[byPosition[p][slot]] <= l) {
                        slot++;
                    }
                    layerStart[p][l + 1] = slot;
                }
            }
        }

        /** The number of features a node at position {@code p}, layer {@code l} may send to. */
        long above(int p, int l) {
            long count = 0;
            for (int q = p; q < byPosition.length; q++) {
                count += byPosition[q].length - layerStart[q][l + 1];
            }
            return count;
        }

        /** A uniform feature at position {@code p} with layer above {@code l}, or −1 if there is none. */
        int pick(SplittableRandom random, int p, int l) {
            int from = layerStart[p][l + 1];
            int size = byPosition[p].length - from;
            return size <= 0 ? -1 : byPosition[p][from + random.nextInt(size)];
        }
    }

    /** Open-addressing set of non-negative longs (edge keys), so a 500k-edge graph needs no boxing. */
    private static final class LongHashSet {
        private long[] slots;
        private int size;

        LongHashSet(int expected) {
            slots = new long[Integer.highestOneBit(Math.max(16, expected * 2)) * 2];
            Arrays.fill(slots, -1);
        }

        boolean add(long key) {
            if (2 * (size + 1) > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                Arrays.fill(slots, -1);
                size = 0;
                for (long k : old) {
                    if (k >= 0) {
                        add(k);
                    }
                }
            }
            int mask = slots.length - 1;
            int i = (int) (mix(key) & mask);
            while (slots[i] >= 0) {
                if (slots[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = key;
            size++;
            return true;
        }

        private static long mix(long k) {
            k *= 0x9E3779B97F4A7C15L;
            return k ^ (k >>> 29);
        }
    }
}
