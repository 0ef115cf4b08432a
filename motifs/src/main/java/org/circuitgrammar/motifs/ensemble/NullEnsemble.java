package org.circuitgrammar.motifs.ensemble;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.ConfigurationSwapNull;
import org.circuitgrammar.motifs.nulls.ErdosRenyiNull;
import org.circuitgrammar.motifs.nulls.LayerPairErNull;
import org.circuitgrammar.motifs.nulls.LayerPairSwapNull;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.nulls.NullModel;
import org.circuitgrammar.motifs.nulls.NullRules;
import org.circuitgrammar.motifs.nulls.NullSampler;
import org.circuitgrammar.motifs.nulls.SignMode;

/**
 * Runs a null ensemble: draws the samples of an {@link EnsembleSpec} and counts every motif family on each.
 *
 * <p><b>Schedule.</b> Swap nulls in the default profile run {@link #DEFAULT_CHAINS} independent chains (fewer if there
 * are fewer samples); each makes {@link #BURN_IN_SWEEPS} sweeps of burn-in from the observed graph, then yields its
 * share of the samples (contiguous sample indices) {@code sweepsPerSample} sweeps apart, and every sample is recounted
 * from scratch. Recounting beats updating counts per accepted swap as soon as samples are ≥ 0.2·m trials apart
 * (performance.md), and a thinned chain spends 2 sweeps per sample instead of a fresh chain's burn-in; docs/nulls.md
 * gives the measurements behind the defaults. In the circuit-motifs profile every sample has its own fresh chain of
 * {@code sweepsPerSample} sweeps from the observed graph, as the anchor does. The direct samplers (er, lp-er) draw
 * every sample independently.
 *
 * <p><b>Determinism.</b> Chain (or independent sample) c is seeded from SHA-256(graph SHA-256 ‖ root seed ‖ null
 * name ‖ c), and its samples land at fixed indices, so the result is identical for any thread count.
 *
 * <p>Cost: samples × (sweepsPerSample·m swap trials + one count per family), plus burn-in, split over the threads
 * chain by chain.
 */
public final class NullEnsemble {
    /** Independent chains per swap-null ensemble in the default profile. */
    public static final int DEFAULT_CHAINS = 16;
    /** Sweeps each default-profile chain makes before its first sample. */
    public static final double BURN_IN_SWEEPS = 10.0;
    private static final String FFL_LABEL = "030T";

    private NullEnsemble() {
    }

    /** The null model a kind stands for in a profile (signs exact in the default, anchor-like in circuit-motifs). */
    public static NullModel modelFor(NullKind kind, SignedDigraph g, Profile profile) {
        boolean compat = profile == Profile.CIRCUIT_MOTIFS;
        SignMode drawn = compat ? SignMode.BERNOULLI : SignMode.SHUFFLED;
        NullRules rules = compat ? NullRules.ANCHOR : NullRules.CAUSAL;
        return switch (kind) {
            case ER -> new ErdosRenyiNull(g, drawn);
            case CONFIG -> new ConfigurationSwapNull(g, rules);
            case LP_ER -> new LayerPairErNull(g, drawn, rules);
            case LPC -> LayerPairSwapNull.lpc(g, rules);
            case LPC_SHUFFLE -> LayerPairSwapNull.signShuffle(g, drawn, rules);
            case LPC_SIGN -> LayerPairSwapNull.signPreserving(g, compat ? SignMode.CARRIED : SignMode.PRESERVED,
                    rules);
            case LPC_POSITION -> LayerPairSwapNull.positionAware(g, rules);
        };
    }

    /**
     * Draws the ensemble and counts it.
     *
     * @param g           the observed graph
     * @param graphSha256 SHA-256 of the input file (or any fixed fingerprint of the graph); part of every seed
     * @param counters    the families to count; each must be stateless ({@link MotifCounter})
     * @param threads     worker threads (≥ 1); the result does not depend on it
     * @param progress    receives the number of samples completed so far, possibly from worker threads
     */
    public static EnsembleResult run(SignedDigraph g, byte[] graphSha256, EnsembleSpec spec,
                                     List<MotifCounter> counters, int threads, IntConsumer progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        NullModel model = modelFor(spec.nullKind(), g, spec.profile());
        boolean thinned = model.isMarkovChain() && spec.profile() == Profile.DEFAULT;
        int samples = spec.samples();
        int chains = thinned ? Math.min(samples, DEFAULT_CHAINS) : samples;
        double burnIn = thinned ? BURN_IN_SWEEPS : 0.0;
        int families = counters.size();
        long[][] observed = new long[families][];
        for (int f = 0; f < families; f++) {
            observed[f] = counters.get(f).count(g);
        }
        int[] watched = watchedClass(counters);
        long observedStatistic = watched == null ? TransitiveTriples.count(g) : observed[watched[0]][watched[1]];

        long[][][] counts = new long[families][samples][];
        long[] statistic = new long[samples];
        long[] trials = new long[chains];
        long[] accepted = new long[chains];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chains), daemonThreads());
        try {
            List<Future<?>> futures = new ArrayList<>(chains);
            for (int c = 0; c < chains; c++) {
                int chain = c;
                futures.add(pool.submit(() -> {
                    NullSampler sampler = model.newSampler(
                            new SplittableRandom(chainSeed(graphSha256, spec.seed(), spec.nullKind(), chain)));
                    if (burnIn > 0) {
                        sampler.advance(burnIn);
                    }
                    for (int i = firstSample(chain, chains, samples); i < firstSample(chain + 1, chains, samples);
                         i++) {
                        sampler.advance(spec.sweepsPerSample());
                        SignedDigraph sample = sampler.current();
                        for (int f = 0; f < families; f++) {
                            counts[f][i] = counters.get(f).count(sample);
                        }
                        statistic[i] = watched == null ? TransitiveTriples.count(sample)
                                : counts[watched[0]][i][watched[1]];
                        progress.accept(done.incrementAndGet());
                    }
                    trials[chain] = sampler.trials();
                    accepted[chain] = sampler.accepted();
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }

        List<FamilyCounts> result = new ArrayList<>(families);
        for (int f = 0; f < families; f++) {
            MotifCounter counter = counters.get(f);
            result.add(new FamilyCounts(counter.family(), counter.labels(), observed[f], counts[f]));
        }
        long totalTrials = 0;
        long totalAccepted = 0;
        for (int c = 0; c < chains; c++) {
            totalTrials += trials[c];
            totalAccepted += accepted[c];
        }
        double acceptance = model.isMarkovChain() && totalTrials > 0
                ? (double) totalAccepted / totalTrials : Double.NaN;
        String statisticName = watched == null ? "transitive triples"
                : counters.get(watched[0]).family() + "/" + FFL_LABEL;
        MixingDiagnostics diagnostics = Mixing.diagnose(chains, burnIn, spec.sweepsPerSample(), statisticName,
                observedStatistic, statistic, result);
        return new EnsembleResult(spec, result, acceptance, diagnostics);
    }

    /** First sample index of chain c: chains get contiguous, near-equal shares. */
    static int firstSample(int chain, int chains, int samples) {
        return (int) ((long) chain * samples / chains);
    }

    /** The seed of chain (or independent sample) {@code chain}: the first 8 bytes of a SHA-256 over its identity. */
    static long chainSeed(byte[] graphSha256, long rootSeed, NullKind kind, int chain) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(graphSha256);
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(rootSeed).array());
            sha.update(kind.cliName().getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(chain).array());
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** (family index, class index) of the first family labelling a class 030T, or null. */
    private static int[] watchedClass(List<MotifCounter> counters) {
        for (int f = 0; f < counters.size(); f++) {
            int k = counters.get(f).labels().indexOf(FFL_LABEL);
            if (k >= 0) {
                return new int[] {f, k};
            }
        }
        return null;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "null-ensemble-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
