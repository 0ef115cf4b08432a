package org.circuitgrammar.motifs.result;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;
import java.util.List;

/**
 * The null distribution of one motif count, as stored in a result: every sample when there are at most
 * {@link #MAX_RAW_SAMPLES}, else a histogram of at most {@link #MAX_BINS} bins of equal integer width (width 1,
 * lossless, whenever the samples span fewer than {@code MAX_BINS} values). About 70 numbers per row either way, so a
 * 51-graph folder at n = 1000 with every null stays a few megabytes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = NullDistribution.Samples.class, name = "samples"),
        @JsonSubTypes.Type(value = NullDistribution.Histogram.class, name = "histogram")})
public sealed interface NullDistribution permits NullDistribution.Samples, NullDistribution.Histogram {
    /** Up to this many samples are stored one by one. */
    int MAX_RAW_SAMPLES = 200;
    /** Histograms have at most this many bins. */
    int MAX_BINS = 64;

    /** The number of samples described. */
    int n();

    /** Every sample in sample order. */
    record Samples(List<Long> values) implements NullDistribution {
        public Samples {
            values = List.copyOf(values);
        }

        @Override
        public int n() {
            return values.size();
        }
    }

    /**
     * Bin i counts the samples in {@code [min + i·width, min + (i+1)·width)}.
     */
    record Histogram(long min, long width, List<Integer> counts) implements NullDistribution {
        public Histogram {
            counts = List.copyOf(counts);
            if (width < 1) {
                throw new IllegalArgumentException("bin width must be >= 1: " + width);
            }
        }

        @Override
        public int n() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The stored form of {@code samples} by the rule above. {@code O(n)}. */
    static NullDistribution of(long[] samples) {
        if (samples.length <= MAX_RAW_SAMPLES) {
            return new Samples(Arrays.stream(samples).boxed().toList());
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long s : samples) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        long span = max - min + 1;
        long width = (span + MAX_BINS - 1) / MAX_BINS;
        int bins = (int) ((span + width - 1) / width);
        Integer[] counts = new Integer[bins];
        Arrays.fill(counts, 0);
        for (long s : samples) {
            int b = (int) ((s - min) / width);
            counts[b]++;
        }
        return new Histogram(min, width, List.of(counts));
    }
}
