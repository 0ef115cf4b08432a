package org.circuitgrammar.tracer.attribution;

import java.util.Arrays;

/**
 * The logit nodes of a graph, chosen in circuit-tracer's default "salient" mode (spec §1.6): the softmax of the
 * last position's logits, the {@code maxLogits} most probable tokens (descending; equal probabilities by token id),
 * cut after the smallest count whose cumulative probability reaches {@code desiredProbability} (all of them when
 * it is never reached). Probabilities are the unrenormalised softmax values, computed in double.
 *
 * @param tokens        vocabulary ids, most probable first
 * @param probabilities their softmax probabilities (the weights of every influence computation)
 */
public record LogitTargets(int[] tokens, double[] probabilities) {
    public LogitTargets {
        tokens = tokens.clone();
        probabilities = probabilities.clone();
        if (tokens.length != probabilities.length || tokens.length == 0) {
            throw new IllegalArgumentException("one probability per token, at least one token");
        }
    }

    /** Chooses the targets from one position's logits. O(vocab·maxLogits). */
    public static LogitTargets salient(float[] logits, int maxLogits, double desiredProbability) {
        if (maxLogits < 1) throw new IllegalArgumentException("maxLogits must be >= 1");
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int v = 0; v < logits.length; v++) {
            p[v] = Math.exp(logits[v] - max);
            sum += p[v];
        }
        for (int v = 0; v < logits.length; v++) p[v] /= sum;
        int top = Math.min(maxLogits, logits.length);
        Integer[] order = new Integer[logits.length];
        for (int v = 0; v < order.length; v++) order[v] = v;
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int keep = top;
        double cumulative = 0;
        for (int i = 0; i < top; i++) {
            cumulative += p[order[i]];
            if (cumulative >= desiredProbability) {
                keep = i + 1;
                break;
            }
        }
        int[] ids = new int[keep];
        double[] probs = new double[keep];
        for (int i = 0; i < keep; i++) {
            ids[i] = order[i];
            probs[i] = p[order[i]];
        }
        return new LogitTargets(ids, probs);
    }

    public int count() { return tokens.length; }

    public int token(int k) { return tokens[k]; }

    public double probability(int k) { return probabilities[k]; }

    @Override
    public int[] tokens() { return tokens.clone(); }

    @Override
    public double[] probabilities() { return probabilities.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogitTargets t && Arrays.equals(tokens, t.tokens)
                && Arrays.equals(probabilities, t.probabilities);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(tokens) + Arrays.hashCode(probabilities); }

    @Override
    public String toString() { return "LogitTargets" + Arrays.toString(tokens) + Arrays.toString(probabilities); }
}
