package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.folder.CorpusScanner;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.census.QuadCensus;
import org.circuitgrammar.motifs.census.QuadCounts;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cgram bench quad}: times the 4-node census (in-process, after warm-up) on the analysed view of real graph
 * files and, with {@code --igraph}, python-igraph's {@code motifs_randesu(size=4)} on the same edge lists; prints
 * per-file times, the total and whether the counts agree.
 */
@Command(name = "quad",
        description = {"Time the 4-node census (QuadCensus, family dag4) on the analysed views of graph files "
            + "(folders are searched for *.json), optionally against igraph's motifs_randesu(size=4).",
            "Times: best and median of --runs after --warmup untimed runs, census only (not reading the file)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, counts agree (or igraph not run)", "1:igraph's counts differ from ours",
            "2:usage or input error, or the igraph script failed"})
public final class BenchQuadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "graph files or folders")
    List<Path> paths;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs per file (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed runs first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--threads", defaultValue = "1", description = "census threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--igraph", description = "also time igraph's motifs_randesu(size=4) (slow: ~10 s per 8k edges)")
    boolean igraph;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with python-igraph (default ${DEFAULT-VALUE})")
    String python;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || warmup < 0 || threads < 1) {
            err.println("cgram bench quad: --runs and --threads must be >= 1, --warmup >= 0");
            return CgramCommand.EXIT_INPUT;
        }
        if (igraph && !IgraphCensus.available(python)) {
            err.println("cgram bench quad: " + python + " cannot import igraph");
            return CgramCommand.EXIT_INPUT;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                files.addAll(CorpusScanner.files(p, ".json"));
            } catch (IOException e) {
                err.println(p + ": cannot read: " + e.getMessage());
                return CgramCommand.EXIT_INPUT;
            }
        }
        GraphReader reader = new GraphReader();
        out.printf(Locale.ROOT, "%-48s %6s %7s %13s %9s %9s%s%n", "file", "nodes", "edges", "4-node sets",
                "best ms", "median ms", igraph ? String.format(Locale.ROOT, " %9s %8s %6s", "igraph s", "ratio",
                        "counts") : "");
        double totalBest = 0;
        long totalSets = 0;
        boolean allAgree = true;
        for (Path f : files) {
            SignedDigraph g;
            try {
                g = AnalysedGraph.of(reader.read(f), AnalysisOptions.DEFAULT).graph();
            } catch (InvalidGraphException e) {
                err.println(e.getMessage());
                return CgramCommand.EXIT_INPUT;
            }
            for (int i = 0; i < warmup; i++) {
                QuadCensus.count(g, threads);
            }
            double[] ms = new double[runs];
            QuadCounts counts = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                counts = QuadCensus.count(g, threads);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            totalBest += ms[0];
            totalSets += counts.total();
            String name = f.getFileName().toString();
            out.printf(Locale.ROOT, "%-48s %6d %7d %13d %9.2f %9.2f", name.length() > 48 ? name.substring(0, 48)
                    : name, g.nodeCount(), g.edgeCount(), counts.total(), ms[0], ms[runs / 2]);
            if (igraph) {
                IgraphCensus ig = IgraphCensus.runQuad(python, g, 1);
                boolean agree = agrees(ig.counts(), counts);
                allAgree &= agree;
                out.printf(Locale.ROOT, " %9.3f %7.0fx %6s", ig.best(), ig.best() * 1e3 / ms[0],
                        agree ? "agree" : "DIFFER");
            }
            out.println();
        }
        out.printf(Locale.ROOT, "total: %d files, %d connected 4-node sets, %.1f ms (sum of bests, %d thread%s)%n",
                files.size(), totalSets, totalBest, threads, threads == 1 ? "" : "s");
        out.flush();
        return allAgree ? 0 : CgramCommand.EXIT_FINDING;
    }

    /** igraph's counts by its isoclass id (-1 = NaN, a disconnected class) against ours. */
    private static boolean agrees(long[] igraphCounts, QuadCounts ours) {
        for (int id = 0; id < igraphCounts.length; id++) {
            if (igraphCounts[id] >= 0 ? igraphCounts[id] != ours.countByIgraphId(id)
                    : ours.countByIgraphId(id) != 0) {
                return false;
            }
        }
        return true;
    }
}
