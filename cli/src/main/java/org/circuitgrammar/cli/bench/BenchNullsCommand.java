package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.folder.FileDigest;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.pipeline.ThreeNodeBundle;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.census.TriadCensus;
import org.circuitgrammar.motifs.ensemble.EnsembleResult;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec.Profile;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.stats.NullMoments;
import org.circuitgrammar.motifs.stats.Statistic;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cgram bench nulls}: (a) the full null-model analysis of one graph (Dallas by default: er, config, lp-er,
 * lpc, lpc-shuffle, lpc-sign with the triad and signed families), in-process and as a whole new process; (b) one
 * layer-pair-configuration ensemble on a synthetic graph (500k edges by default). Prints wall times and, per null,
 * the acceptance rate, mixing diagnostics and the FFL (030T) Z-score.
 */
@Command(name = "nulls",
        description = {"Time null-model ensembles: (a) the full analysis of one graph (default: the shared Dallas "
            + "graph; er, config, lp-er, lpc, lpc-shuffle, lpc-sign; triad + signed families), in-process and as a "
            + "whole process; (b) an lpc ensemble with the triad census on a synthetic layered DAG (default preset l, "
            + "500k edges).",
            "Goals on a 2-core machine at n = 1000: (a) <= 2.3 s for the whole process, (b) <= 60 s."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error, unreadable graph, or the timed process failed"})
public final class BenchNullsCommand implements Callable<Integer> {
    static final List<NullKind> FULL_ANALYSIS = List.of(NullKind.ER, NullKind.CONFIG, NullKind.LP_ER, NullKind.LPC,
            NullKind.LPC_SHUFFLE, NullKind.LPC_SIGN);
    private static final String DALLAS = "corpus/claude-3.5-haiku/clt/capital-state-dallas.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--graph", paramLabel = "FILE",
            description = "graph for part (a) (default: ../shared/" + DALLAS + ", or under $CGRAM_SHARED_DIR)")
    Path graph;

    @Option(names = {"-n", "--samples"}, defaultValue = "1000",
            description = "samples per null (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "root seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--synthetic", defaultValue = "l", paramLabel = "PRESET",
            description = "generator preset for part (b): s, m, l or d (default ${DEFAULT-VALUE})")
    String synthetic;

    @Option(names = "--parts", split = ",", defaultValue = "process,in-process,synthetic", paramLabel = "PART",
            description = "what to run, from process, in-process, synthetic (default ${DEFAULT-VALUE})")
    List<String> parts;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (samples < 1 || workers < 1) {
            err.println("cgram bench nulls: --samples and --threads must be >= 1");
            return CgramCommand.EXIT_INPUT;
        }
        for (String part : parts) {
            if (!List.of("process", "in-process", "synthetic").contains(part)) {
                err.println("cgram bench nulls: unknown part '" + part + "'; expected process, in-process, synthetic");
                return CgramCommand.EXIT_INPUT;
            }
        }
        Path file = graph != null ? graph : sharedDir().resolve(DALLAS);
        out.printf(Locale.ROOT, "cgram bench nulls: n = %d, threads = %d, seed = %d, %d cores%n", samples, workers,
                seed, Runtime.getRuntime().availableProcessors());
        try {
            if (parts.contains("process")) {
                timeWholeProcess(file, workers, out);
            }
            if (parts.contains("in-process")) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                List<EnsembleResult> results = fullAnalysis(file, workers);
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "(a) in-process, first run in this JVM: %.2f s (CPU %.2f s)%n", seconds,
                        (processCpuNanos() - cpu0) / 1e9);
                for (EnsembleResult r : results) {
                    printResult(r, out);
                }
            }
            if (parts.contains("synthetic")) {
                syntheticRun(workers, out);
            }
        } catch (IOException | InvalidGraphException e) {
            err.println(file + ": " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("cgram bench nulls: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cgram bench nulls: interrupted");
            return CgramCommand.EXIT_INPUT;
        }
        return 0;
    }

    /** Part (a): load, view, and every null of the full analysis with the triad and signed families. */
    List<EnsembleResult> fullAnalysis(Path file, int workers) throws IOException, InvalidGraphException {
        SignedDigraph g = AnalysedGraph.of(new GraphReader().read(file), AnalysisOptions.DEFAULT).graph();
        byte[] sha = HexFormat.of().parseHex(FileDigest.sha256(file));
        List<MotifCounter> counters = List.of(ThreeNodeBundle.of(List.of(MotifFamily.TRIAD, MotifFamily.SIGNED)));
        List<EnsembleResult> results = new ArrayList<>();
        for (NullKind kind : FULL_ANALYSIS) {
            results.add(NullEnsemble.run(g, sha, EnsembleSpec.of(kind, samples, seed, Profile.DEFAULT), counters,
                    workers, done -> { }));
        }
        return results;
    }

    /** Part (a) as a whole process: {@code cgram census} in a fresh JVM on the same class path. */
    private void timeWholeProcess(Path file, int workers, PrintWriter out) throws IOException, InterruptedException {
        Path outDir = Files.createTempDirectory("cgram-bench-nulls");
        String nulls = String.join(",", FULL_ANALYSIS.stream().map(NullKind::cliName).toList());
        List<String> args = List.of("census", file.toString(), "--null", nulls, "-n", String.valueOf(samples),
                "--seed", String.valueOf(seed), "--threads", String.valueOf(workers), "--motifs", "triad,signed",
                "-o", outDir.toString());
        double seconds = TimedProcess.seconds(args, outDir.resolve("process.log"));
        out.printf(Locale.ROOT, "(a) whole process (cgram census): %.2f s   [goal <= 2.3 s; circuit-motifs ~570 s]%n",
                seconds);
    }

    /** Part (b): an lpc ensemble with the triad census on a generated graph. */
    private void syntheticRun(int workers, PrintWriter out) {
        long t0 = System.nanoTime();
        SignedDigraph g = AnalysedGraph.of(LayeredDagGenerator.generate(LayeredDagSpec.preset(synthetic, seed)),
                AnalysisOptions.DEFAULT).graph();
        double generate = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        byte[] fingerprint = ("synthetic-" + synthetic + "-" + seed).getBytes(StandardCharsets.UTF_8);
        EnsembleResult r = NullEnsemble.run(g, fingerprint, EnsembleSpec.of(NullKind.LPC, samples, seed,
                Profile.DEFAULT), List.of(new TriadCensus()), workers, done -> { });
        double run = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "(b) synthetic %s (%d nodes, %d edges): generate %.2f s, lpc ensemble %.2f s"
                        + " (CPU %.2f s)   [goal <= 60 s]%n", synthetic, g.nodeCount(), g.edgeCount(), generate, run,
                (processCpuNanos() - cpu1) / 1e9);
        printResult(r, out);
    }

    private static void printResult(EnsembleResult r, PrintWriter out) {
        FamilyCounts triads = r.families().stream().filter(f -> f.labels().contains("030T")).findFirst()
                .orElseThrow();
        int ffl = triads.labels().indexOf("030T");
        long[] x = triads.nullCounts(ffl);
        NullMoments moments = NullMoments.of(x);
        Statistic zScore = NullMoments.zScore(triads.observed(ffl), x);
        String z = zScore instanceof Statistic.Defined d ? String.format(Locale.ROOT, "%.2f", d.value())
                : "undefined (" + ((Statistic.Undefined) zScore).reason() + ")";
        var d = r.diagnostics();
        out.printf(Locale.ROOT, "    %-12s 030T observed %d, null %.1f ± %.1f, Z %s; acceptance %s; chains %d, "
                        + "lag-1 %.3f, Z halves %.2f / %.2f%n", r.spec().nullKind().cliName(), triads.observed(ffl),
                moments.mean(), moments.sd(), z,
                Double.isNaN(r.acceptanceRate()) ? "-" : String.format(Locale.ROOT, "%.3f", r.acceptanceRate()),
                d.chains(), d.lag1Autocorrelation(), d.zFirstHalf(), d.zSecondHalf());
    }

    /** CPU time of this JVM, all threads: shows how much of a wall time a loaded machine took away. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Path sharedDir() {
        String env = System.getenv("CGRAM_SHARED_DIR");
        return Path.of(env != null ? env : System.getProperty("cgram.shared.dir", "../shared"));
    }
}
