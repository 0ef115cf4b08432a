package org.circuitgrammar.motifs.nulls;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.census.TriadCensus;
import org.circuitgrammar.motifs.ensemble.EnsembleProbe;
import org.circuitgrammar.motifs.ensemble.EnsembleResult;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Tag;

/**
 * The measurements behind the schedule and move choices of docs/nulls.md (prints, asserts nothing, takes minutes).
 * Run {@link #main} on the motifs test class path with {@code -Dcgram.shared.dir=...}:
 * <ol>
 *   <li>{@code schedule}: on Dallas and on the Qwen-shaped preset q, for lpc, lpc-sign, lpc-position and config at
 *       0.5, 1, 2 and 4 sweeps per sample (n = 1000, 16 chains, 10 sweeps of burn-in, one thread): acceptance,
 *       lag-1 autocorrelation and effective sample size (ESS) of the FFL count, the smallest ESS over the triad
 *       classes, CPU seconds, and FFL effective samples per CPU second;</li>
 *   <li>{@code moves}: swaps against line trades (curveball-like heat-bath trades of two rows or two columns) on an
 *       all-positive copy of each graph, where a row trade is exactly a curveball trade restricted to the allowed
 *       cells: per move type and amount, CPU per sample of the moves alone and of moves plus census, ESS of the FFL
 *       count, and FFL effective samples per CPU second.</li>
 * </ol>
 */
@Tag("bench")
final class EffectiveSampleMeasurement {
    private static final TriadCensus TRIADS = new TriadCensus();
    private static final int FFL = TRIADS.labels().indexOf("030T");

    private EffectiveSampleMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../shared"));
        SignedDigraph dallas = AnalysedGraph.of(new GraphReader().read(
                shared.resolve("corpus/claude-3.5-haiku/clt/capital-state-dallas.json")), AnalysisOptions.DEFAULT)
                .graph();
        SignedDigraph qwen = AnalysedGraph.of(LayeredDagGenerator.generate(
                LayeredDagSpec.preset(LayeredDagSpec.QWEN_PRESET, 42)), AnalysisOptions.DEFAULT).graph();
        List<String> parts = args.length == 0 ? List.of("schedule", "moves") : List.of(args);
        for (String part : parts) {
            if (part.equals("schedule")) {
                schedule("dallas", dallas);
                schedule("qwen-q", qwen);
            } else {
                moves("dallas", dallas);
                moves("qwen-q", qwen);
            }
        }
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU of the whole process (the ensemble runs its chains on worker threads). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void schedule(String name, SignedDigraph g) {
        System.out.printf(Locale.ROOT, "%n%s (%d nodes, %d edges): null, sweeps/sample, acceptance, lag-1, ESS(FFL),"
                + " min ESS(triad classes), CPU s, ESS(FFL)/CPU s%n", name, g.nodeCount(), g.edgeCount());
        byte[] sha = new byte[32];
        for (NullKind kind : List.of(NullKind.LPC, NullKind.LPC_SIGN, NullKind.LPC_POSITION, NullKind.CONFIG)) {
            for (double sweeps : new double[] {0.5, 1, 2, 4}) {
                long t0 = processCpuNanos();
                EnsembleResult r = NullEnsemble.run(g, sha, new EnsembleSpec(kind, 1000, sweeps, 42, Profile.DEFAULT),
                        List.of(TRIADS), 1, done -> { });
                double cpu = (processCpuNanos() - t0) / 1e9;
                var d = r.diagnostics();
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.3f | %.2f | %.0f | %.0f | %.2f | %.0f |%n", kind,
                        sweeps, r.acceptanceRate(), d.lag1Autocorrelation(), d.effectiveSamples(),
                        d.minEffectiveSamples(), cpu, d.effectiveSamples() / cpu);
            }
        }
    }

    private static void moves(String name, SignedDigraph g) {
        double[] positive = g.rawOutWeights().clone();
        for (int e = 0; e < positive.length; e++) {
            positive[e] = Math.abs(positive[e]);
        }
        int m = g.edgeCount();
        int[] src = new int[m];
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int e = g.rawOutOffsets()[s]; e < g.rawOutOffsets()[s + 1]; e++) {
                src[e] = s;
            }
        }
        SignedDigraph unsigned = SignedDigraph.fromEdges(g.rawLayers(), g.rawPositions(), src, g.rawOutTargets(),
                positive, m);
        NullModel model = LayerPairSwapNull.signPreserving(unsigned, SignMode.PRESERVED, NullRules.CAUSAL);
        System.out.printf(Locale.ROOT, "%n%s, all weights positive: move, amount per sample (sweeps), moves µs/sample,"
                + " moves+census µs/sample, ESS(FFL) of 1000, ESS(FFL)/CPU s%n", name);
        for (boolean trades : new boolean[] {false, true}) {
            for (double amount : new double[] {0.25, 0.5, 1, 2}) {
                int chains = 16;
                int perChain = 1000 / chains;
                long[] ffl = new long[chains * perChain];
                long moveNanos = 0;
                long allNanos = 0;
                for (int c = 0; c < chains; c++) {
                    BlockSwapChain chain = (BlockSwapChain) model.newSampler(new SplittableRandom(c * 31L + 7));
                    move(chain, trades, 10);
                    for (int i = 0; i < perChain; i++) {
                        long t0 = cpuNanos();
                        move(chain, trades, amount);
                        long t1 = cpuNanos();
                        ffl[c * perChain + i] = TRIADS.count(chain.current())[FFL];
                        long t2 = cpuNanos();
                        moveNanos += t1 - t0;
                        allNanos += t2 - t0;
                    }
                }
                double ess = EnsembleProbe.effectiveSamples(chains, ffl);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.0f | %.0f | %.0f |%n",
                        trades ? "line trades" : "swaps", amount, moveNanos / 1e3 / ffl.length,
                        allNanos / 1e3 / ffl.length, ess, ess / (allNanos / 1e9));
            }
        }
    }

    private static void move(BlockSwapChain chain, boolean trades, double sweeps) {
        if (trades) {
            chain.lineTrades(sweeps);
        } else {
            chain.swapSweeps(sweeps);
        }
    }
}
