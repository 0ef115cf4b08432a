package org.circuitgrammar.tracer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.circuitgrammar.tracer.model.ForwardTrace;
import org.circuitgrammar.tracer.model.Generator;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.LanguageModel;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.RunCSampler;

/**
 * Turns token sequences into transcoder training data, and makes those sequences: by the model's own seeded
 * sampling or by cutting a user's text into windows.
 *
 * <p>Position 0 (BOS) is left out of every {@link ActivationSet}: its activations are outliers, and attribution
 * zeroes transcoder features there anyway (spec §1.2).
 */
public final class ActivationCollector {
    /** The first position that becomes a training row. */
    public static final int FIRST_POSITION = 1;

    private ActivationCollector() {
    }

    /**
     * For every sequence and position ≥ 1: the activations at {@code inputHook} and at {@link Hook#MLP_OUT} of every
     * layer, one row per position, sequences in order. One forward pass per sequence.
     *
     * @throws IllegalArgumentException if no sequence has more than one token
     */
    public static ActivationSet collect(LanguageModel model, List<int[]> sequences, Hook inputHook) {
        int layers = model.config().layers();
        int d = model.config().dim();
        int rows = 0;
        for (int[] s : sequences) {
            rows += Math.max(0, s.length - FIRST_POSITION);
        }
        if (rows == 0) {
            throw new IllegalArgumentException("no positions after BOS to train on");
        }
        float[][] inputs = new float[layers][rows * d];
        float[][] targets = new float[layers][rows * d];
        int row = 0;
        for (int[] s : sequences) {
            int n = s.length - FIRST_POSITION;
            if (n <= 0) {
                continue;
            }
            ForwardTrace trace = model.run(s);
            for (int l = 0; l < layers; l++) {
                System.arraycopy(trace.flatActivations(inputHook, l), FIRST_POSITION * d, inputs[l], row * d, n * d);
                System.arraycopy(trace.flatActivations(Hook.MLP_OUT, l), FIRST_POSITION * d, targets[l], row * d,
                        n * d);
            }
            row += n;
        }
        return new ActivationSet(rows, d, inputs, targets);
    }

    /** The seeds of the training and the held-out samples, both drawn from one root seed. */
    public record SampleSeeds(long train, long heldOut) {
        /** {@code SplittableRandom(root)}: first draw for training, second for held-out. */
        public static SampleSeeds of(long root) {
            SplittableRandom rng = new SplittableRandom(root);
            long train = rng.nextLong();
            return new SampleSeeds(train, rng.nextLong());
        }
    }

    /**
     * {@code count} sequences sampled from the model, each BOS then up to {@code newTokens} tokens (fewer if the
     * model samples BOS), with {@code run.c}'s sampler at {@code temperature} (top-p off). Sequence {@code i} uses
     * the {@code i}-th seed drawn from {@code SplittableRandom(seed)}, so the result does not depend on how many
     * models share the work: {@code models} are independent copies of one model, used in parallel (each model is
     * used by one thread). {@code onSequence} is called (from any worker) after each sequence.
     */
    public static List<int[]> sample(List<? extends LanguageModel> models, int count, int newTokens,
                                     float temperature, long seed, IntConsumer onSequence) {
        long[] seeds = new long[count];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            long s;
            do {
                s = rng.nextLong();
            } while (s == 0);
            seeds[i] = s;
        }
        int[][] out = new int[count][];
        ExecutorService pool = Executors.newFixedThreadPool(models.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < models.size(); w++) {
                LanguageModel model = models.get(w);
                int worker = w;
                futures.add(pool.submit(() -> {
                    for (int i = worker; i < count; i += models.size()) {
                        out[i] = Generator.generate(model, new int[] {Llama2cTokenizer.BOS}, newTokens,
                                new RunCSampler(temperature, 1f, seeds[i]), t -> { });
                        if (onSequence != null) {
                            onSequence.accept(i);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sampling failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    /**
     * Cuts {@code text} into windows of at most {@code window} tokens after BOS: the text is split into paragraphs
     * at blank lines, each paragraph encoded as {@code run.c} does (BOS, dummy-prefix space, merges) and cut into
     * consecutive windows, each starting with BOS.
     */
    public static List<int[]> windows(Llama2cTokenizer tokenizer, String text, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1");
        }
        List<int[]> out = new ArrayList<>();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            String trimmed = paragraph.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int[] ids = tokenizer.encode(trimmed, true, false);
            for (int from = 1; from < ids.length; from += window) {
                int to = Math.min(ids.length, from + window);
                int[] w = new int[to - from + 1];
                w[0] = Llama2cTokenizer.BOS;
                System.arraycopy(ids, from, w, 1, to - from);
                out.add(w);
            }
        }
        return out;
    }
}
