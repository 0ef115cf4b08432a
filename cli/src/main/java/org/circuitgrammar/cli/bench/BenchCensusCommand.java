package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphWriter;
import org.circuitgrammar.motifs.census.TriadCensus;
import org.circuitgrammar.motifs.census.TriadClass;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cgram bench census}: times the triad census (in-process, after warm-up) on synthetic graphs of the
 * benchmark sizes and, when python-igraph is installed, igraph's {@code motifs_randesu(size=3)} on the very same
 * edge list in the same run; prints both, their ratio and whether the counts agree.
 */
@Command(name = "census",
        description = {
            "Time the triad census on synthetic layered DAGs (sizes s/m/l/d of shared/spec/performance.md) and, "
                + "if python-igraph is installed, igraph's motifs_randesu(size=3) on the same graph.",
            "view = taking the analysed view, census = TriadCensus on it: best and median wall time of --runs "
                + "after --warmup, and the best CPU time of this thread (robust when other processes share the "
                + "cores). Ratios: igraph's best over ours, by wall time and by CPU time.",
            "process = the whole `cgram census FILE -n 0 --motifs triad` process on the graph written as JSON (JVM "
                + "start, reading, view, census, writing the result); ratio proc = igraph's census alone over it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, counts agree (or igraph not run)", "1:igraph's counts differ from ours",
            "2:usage error, or the igraph script failed"})
public final class BenchCensusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "s,m,l", paramLabel = "SIZE",
            description = "presets to run, from s, m, l, d (default ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--runs", defaultValue = "10", description = "timed runs per size (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed runs first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with python-igraph (default ${DEFAULT-VALUE})")
    String python;

    @Option(names = "--igraph-runs", defaultValue = "1",
            description = "timed igraph runs per size (default ${DEFAULT-VALUE}; igraph takes ~60 s on l)")
    int igraphRuns;

    @Option(names = "--no-igraph", description = "do not run igraph")
    boolean noIgraph;

    @Option(names = "--no-process", description = "do not time the whole census process")
    boolean noProcess;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || warmup < 0 || igraphRuns < 1) {
            err.println("cgram bench census: --runs and --igraph-runs must be >= 1, --warmup >= 0");
            return CgramCommand.EXIT_INPUT;
        }
        List<LayeredDagSpec> specs;
        try {
            specs = sizes.stream().map(s -> LayeredDagSpec.preset(s.trim(), seed)).toList();
        } catch (IllegalArgumentException e) {
            err.println("cgram bench census: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        boolean igraph = !noIgraph && IgraphCensus.available(python);
        out.println(igraph ? "igraph: " + python : "igraph: not run" + (noIgraph ? "" : " (" + python
                + " cannot import igraph)"));
        out.printf(Locale.ROOT, "%-4s %7s %8s %10s %8s %10s %10s %8s %9s %9s %8s %8s %9s %10s %s%n", "size", "nodes",
                "edges", "030T", "view ms", "census ms", "median ms", "cpu ms", "igraph s", "igraph cpu", "ratio",
                "ratio cpu", "process s", "ratio proc", "counts");
        boolean allAgree = true;
        TriadCensus census = new TriadCensus();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < specs.size(); k++) {
            AttributionGraph graph = LayeredDagGenerator.generate(specs.get(k));
            double[] viewMs = new double[runs];
            double[] censusMs = new double[runs];
            double cpuMs = Double.MAX_VALUE;
            AnalysedGraph view = null;
            long[] counts = null;
            for (int r = -warmup; r < runs; r++) {
                long t0 = System.nanoTime();
                view = AnalysedGraph.of(graph, AnalysisOptions.DEFAULT);
                long t1 = System.nanoTime();
                long cpu1 = threads.getCurrentThreadCpuTime();
                counts = census.count(view.graph());
                long cpu2 = threads.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                if (r >= 0) {
                    viewMs[r] = (t1 - t0) / 1e6;
                    censusMs[r] = (t2 - t1) / 1e6;
                    cpuMs = Math.min(cpuMs, (cpu2 - cpu1) / 1e6);
                }
            }
            Arrays.sort(viewMs);
            Arrays.sort(censusMs);
            String igraphSeconds = "-";
            String igraphCpu = "-";
            String ratio = "-";
            String ratioCpu = "-";
            String agreement = "-";
            String processSeconds = "-";
            String ratioProcess = "-";
            try {
                double process = noProcess ? Double.NaN : timeCensusProcess(graph);
                if (!noProcess) {
                    processSeconds = String.format(Locale.ROOT, "%.3f", process);
                }
                if (igraph) {
                    IgraphCensus ig = IgraphCensus.run(python, view.graph(), igraphRuns);
                    igraphSeconds = String.format(Locale.ROOT, "%.3f", ig.best());
                    igraphCpu = String.format(Locale.ROOT, "%.3f", ig.bestCpu());
                    ratio = String.format(Locale.ROOT, "%.0fx", ig.best() * 1e3 / censusMs[0]);
                    ratioCpu = String.format(Locale.ROOT, "%.0fx", ig.bestCpu() * 1e3 / cpuMs);
                    if (!noProcess) {
                        ratioProcess = String.format(Locale.ROOT, "%.1fx", ig.best() / process);
                    }
                    boolean agree = ig.agreesWith(counts);
                    agreement = agree ? "agree" : "DIFFER";
                    allAgree &= agree;
                }
            } catch (IOException e) {
                err.println("cgram bench census: " + e.getMessage());
                return CgramCommand.EXIT_INPUT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("cgram bench census: interrupted");
                return CgramCommand.EXIT_INPUT;
            }
            out.printf(Locale.ROOT, "%-4s %7d %8d %10d %8.2f %10.2f %10.2f %8.2f %9s %9s %8s %8s %9s %10s %s%n",
                    sizes.get(k).trim(), view.graph().nodeCount(), view.graph().edgeCount(),
                    counts[TriadClass.T030T.ordinal()], viewMs[0], censusMs[0], censusMs[runs / 2], cpuMs,
                    igraphSeconds, igraphCpu, ratio, ratioCpu, processSeconds, ratioProcess, agreement);
        }
        out.printf(Locale.ROOT, "census: best and median of %d runs after %d warm-up runs, one thread, seed %d%n",
                runs, warmup, seed);
        return allAgree ? 0 : CgramCommand.EXIT_FINDING;
    }

    /** Writes {@code graph} as JSON and times {@code cgram census FILE -n 0 --motifs triad -q} on it in a fresh JVM. */
    private static double timeCensusProcess(AttributionGraph graph) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cgram-bench-census");
        try {
            Path file = dir.resolve("graph.json");
            new GraphWriter().write(graph, file);
            Path results = dir.resolve("results");
            return TimedProcess.seconds(List.of("census", file.toString(), "-n", "0", "--motifs", "triad", "-q", "-o",
                    results.toString()), dir.resolve("process.log"));
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
