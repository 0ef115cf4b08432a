package org.circuitgrammar.tracer.model;

import java.util.Arrays;

/**
 * {@code run.c}'s sampler, bit for bit in its choices: at temperature 0 the argmax; otherwise the logits divided by the
 * temperature, a softmax, and one coin from its xorshift generator, used for multinomial sampling, or for nucleus
 * (top-p) sampling when {@code 0 < topP < 1} (tokens below {@code (1 - topP) / (n - 1)} are dropped first, the rest
 * sorted by probability, the cumulative mass cut after it exceeds {@code topP}). Same seed, same sequence.
 */
public final class RunCSampler implements TokenSampler {
    private final float temperature;
    private final float topP;
    private long state;

    /**
     * @param seed must not be 0 (xorshift would stay at 0); {@code run.c} uses the time when given 0
     * @throws IllegalArgumentException for a negative temperature, topP outside [0, 1] or seed 0
     */
    public RunCSampler(float temperature, float topP, long seed) {
        if (temperature < 0 || Float.isNaN(temperature)) throw new IllegalArgumentException("temperature < 0");
        if (!(topP >= 0 && topP <= 1)) throw new IllegalArgumentException("topP outside [0, 1]");
        if (seed == 0) throw new IllegalArgumentException("seed 0 is not allowed");
        this.temperature = temperature;
        this.topP = topP;
        this.state = seed;
    }

    @Override
    public int sample(float[] logits) {
        if (temperature == 0f) return TokenSampler.greedy().sample(logits);
        float[] probs = new float[logits.length];
        float max = logits[0] / temperature;
        for (int i = 0; i < logits.length; i++) {
            probs[i] = logits[i] / temperature;
            max = Math.max(max, probs[i]);
        }
        float sum = 0f;
        for (int i = 0; i < probs.length; i++) {
            probs[i] = (float) Math.exp(probs[i] - max);
            sum += probs[i];
        }
        for (int i = 0; i < probs.length; i++) probs[i] /= sum;
        float coin = nextFloat();
        return topP <= 0 || topP >= 1 ? multinomial(probs, coin) : nucleus(probs, coin);
    }

    private static int multinomial(float[] probs, float coin) {
        float cdf = 0f;
        for (int i = 0; i < probs.length; i++) {
            cdf += probs[i];
            if (coin < cdf) return i;
        }
        return probs.length - 1;
    }

    private int nucleus(float[] probs, float coin) {
        float cutoff = (1.0f - topP) / (probs.length - 1);
        Integer[] candidates = new Integer[probs.length];
        int n = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] >= cutoff) candidates[n++] = i;
        }
        Integer[] sorted = Arrays.copyOf(candidates, n);
        // run.c sorts with qsort, whose order of equal probabilities is unspecified; we break ties by id
        Arrays.sort(sorted, (a, b) -> probs[a] != probs[b] ? Float.compare(probs[b], probs[a]) : Integer.compare(a, b));
        float cumulative = 0f;
        int last = n - 1;
        for (int i = 0; i < n; i++) {
            cumulative += probs[sorted[i]];
            if (cumulative > topP) {
                last = i;
                break;
            }
        }
        float r = coin * cumulative;
        float cdf = 0f;
        for (int i = 0; i <= last; i++) {
            cdf += probs[sorted[i]];
            if (r < cdf) return sorted[i];
        }
        return sorted[last];
    }

    /** run.c {@code random_u32}: xorshift64*, top 32 bits. */
    private int nextInt() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return (int) ((state * 0x2545F4914F6CDD1DL) >>> 32);
    }

    /** run.c {@code random_f32}: a float in [0, 1) from the top 24 bits. */
    private float nextFloat() {
        return (nextInt() >>> 8) / 16777216.0f;
    }
}
