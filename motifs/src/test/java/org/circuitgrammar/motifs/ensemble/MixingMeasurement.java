package org.circuitgrammar.motifs.ensemble;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.nulls.NullModel;
import org.circuitgrammar.motifs.nulls.NullSampler;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurements behind docs/nulls.md (not a unit test: it prints, it asserts nothing, it takes minutes). Run
 * {@link #main} on the motifs test classpath, e.g. {@code java -cp motifs/target/test-classes:motifs/target/classes:...
 * org.circuitgrammar.motifs.ensemble.MixingMeasurement [dallas|l|sweep-l]}. For each swap null: acceptance, CPU cost
 * of a sweep and of a snapshot + FFL count, the FFL trajectory from the observed graph (burn-in), and the lag-1
 * autocorrelation of the FFL count at several thinning intervals.
 */
@Tag("bench")
class MixingMeasurement {
    private static final NullKind[] CHAINS = {NullKind.LPC, NullKind.LPC_SIGN, NullKind.LPC_POSITION, NullKind.CONFIG};

    public static void main(String[] args) throws Exception {
        for (String which : args.length == 0 ? new String[] {"dallas", "l"} : args) {
            if (which.equals("dallas")) {
                new MixingMeasurement().dallas();
            } else if (which.equals("sweep-l")) {
                sweepCost();
            } else {
                new MixingMeasurement().synthetic500k();
            }
        }
    }

    /** CPU time of this thread: the machine these runs share is loaded, so wall time would mislead. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void dallas() throws Exception {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../shared"));
        SignedDigraph g = AnalysedGraph.of(new GraphReader().read(
                shared.resolve("corpus/claude-3.5-haiku/clt/capital-state-dallas.json")), AnalysisOptions.DEFAULT)
                .graph();
        measure("dallas", g, 400, 20);
    }

    @Test
    void synthetic500k() {
        SignedDigraph g = AnalysedGraph.of(LayeredDagGenerator.generate(LayeredDagSpec.preset("l", 42)),
                AnalysisOptions.DEFAULT).graph();
        measure("synthetic-l", g, 60, 4);
    }

    /** CPU cost of an lpc sweep and of a snapshot on the synthetic l graph (after 10 warm-up sweeps). */
    static void sweepCost() {
        SignedDigraph g = AnalysedGraph.of(LayeredDagGenerator.generate(LayeredDagSpec.preset("l", 42)),
                AnalysisOptions.DEFAULT).graph();
        NullSampler s = NullEnsemble.modelFor(NullKind.LPC, g, Profile.DEFAULT).newSampler(new SplittableRandom(1));
        s.advance(10);
        s.current();
        long t0 = cpuNanos();
        s.advance(20);
        long t1 = cpuNanos();
        for (int i = 0; i < 10; i++) {
            s.advance(0);
            s.current();
        }
        long t2 = cpuNanos();
        System.out.printf(Locale.ROOT, "lpc on l: %.1f ns per trial, %.1f ms per sweep, snapshot %.1f ms (CPU time)%n",
                (t1 - t0) / (20.0 * g.edgeCount()), (t1 - t0) / 20e6, (t2 - t1) / 10e6);
    }

    private static void measure(String name, SignedDigraph g, int samples, int trajectories) {
        System.out.printf(Locale.ROOT, "%s: %d nodes, %d edges, observed FFL %d%n", name, g.nodeCount(),
                g.edgeCount(), TransitiveTriples.count(g));
        for (NullKind kind : CHAINS) {
            NullModel model = NullEnsemble.modelFor(kind, g, Profile.DEFAULT);
            // burn-in: mean FFL over a few chains after 0, 1, 2, 5, 10, 20 sweeps from the observed graph
            double[] at = {0, 1, 2, 5, 10, 20};
            double[] mean = new double[at.length];
            long sweepNanos = 0;
            long sweeps = 0;
            long snapshotNanos = 0;
            long snapshots = 0;
            NullSampler last = null;
            for (int c = 0; c < trajectories; c++) {
                NullSampler s = model.newSampler(new SplittableRandom(c));
                double done = 0;
                for (int k = 0; k < at.length; k++) {
                    long t0 = cpuNanos();
                    s.advance(at[k] - done);
                    long t1 = cpuNanos();
                    sweepNanos += t1 - t0;
                    sweeps += (long) (at[k] - done);
                    done = at[k];
                    mean[k] += TransitiveTriples.count(s.current());
                    snapshotNanos += cpuNanos() - t1;
                    snapshots++;
                }
                last = s;
            }
            StringBuilder burn = new StringBuilder();
            for (int k = 0; k < at.length; k++) {
                burn.append(String.format(Locale.ROOT, " %g:%.0f", at[k], mean[k] / trajectories));
            }
            System.out.printf(Locale.ROOT, "  %-12s acceptance %.3f  sweep %.2f ms  snapshot+FFL %.2f ms%n", kind,
                    (double) last.accepted() / last.trials(), sweepNanos / 1e6 / sweeps,
                    snapshotNanos / 1e6 / snapshots);
            System.out.println("    FFL after sweeps (mean of " + trajectories + " chains):" + burn);
            for (double thin : new double[] {0.25, 0.5, 1, 2, 4}) {
                NullSampler s = model.newSampler(new SplittableRandom(99));
                s.advance(NullEnsemble.BURN_IN_SWEEPS);
                long[] x = new long[samples];
                for (int i = 0; i < samples; i++) {
                    s.advance(thin);
                    x[i] = TransitiveTriples.count(s.current());
                }
                System.out.printf(Locale.ROOT, "    thinning %.2f sweeps: lag-1 autocorrelation %.3f%n", thin,
                        Mixing.lag1(1, x));
            }
        }
    }
}
