package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.folder.CorpusScanner;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.motifs.pipeline.CensusBatch;
import org.circuitgrammar.motifs.pipeline.CensusStore;
import org.circuitgrammar.motifs.pipeline.GraphCensus;
import org.circuitgrammar.motifs.pipeline.SummaryCsv;
import org.circuitgrammar.motifs.pipeline.SummaryTable;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.CensusSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram census}: motif counts, null ensembles and their statistics for a batch of graphs. */
@Command(name = "census",
        description = {
            "Counts motifs in each graph, compares them with null-model ensembles (effect size log2(observed / null "
                + "mean) with its 95%% interval, concentration, Z, significance profile over the independent "
                + "connected classes, empirical two-sided p, Benjamini-Hochberg q over the independent hypotheses "
                + "of each null) and writes one JSON per graph plus summary.csv into OUT, then a summary table.",
            "A rerun skips graphs whose result exists for the same input SHA-256 and parameters; an interrupted "
                + "run leaves no partial file and resumes. A graph too small for the nulls keeps its counts with "
                + "undefined statistics and the reason; an unreadable or malformed graph gets a one-line message and "
                + "the batch goes on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every graph done (also graphs too small for a null: their statistics are undefined)",
            "2:usage error, or some input was unreadable or malformed",
            "70:internal error (a bug): the stack trace is printed"})
public final class CensusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATHS",
            description = "graph files, or folders searched recursively for *.json")
    List<Path> paths;

    @Mixin
    CensusSpecMixin censusOptions;

    @Mixin
    ThreadsMixin threads;

    @Mixin
    OutputFolderMixin output;

    @Option(names = {"-q", "--quiet"}, description = "no summary table at the end")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        CensusSpec censusSpec;
        GraphCensus census;
        int workers;
        try {
            censusSpec = censusOptions.spec();
            workers = threads.threads();
            RunInfo run = CgramCommand.runInfo(spec, workers);
            census = new GraphCensus(censusSpec, workers, run);
        } catch (IllegalArgumentException e) {
            err.println("cgram census: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        CensusStore store = new CensusStore(output.output());
        int bad = 0;
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                files.addAll(CorpusScanner.files(p, ".json").stream()
                        .filter(f -> !f.getFileName().toString().endsWith(CensusResultCodec.SUFFIX)).toList());
            } catch (IOException e) {
                err.println(p + ": cannot read: " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file or folder" : e.getMessage()));
                bad++;
            }
        }
        try {
            store.prepare();
        } catch (IOException e) {
            err.println(output.output() + ": cannot use as output folder: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        GraphReader reader = new GraphReader();
        List<Path> targets = new ArrayList<>();
        List<CensusResult> done = new ArrayList<>();
        Map<Path, Path> sourceOfResult = new HashMap<>();
        int reused = 0;
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "census-sha256");
            t.setDaemon(true);
            return t;
        });
        long perGraph = censusSpec.samples() == 0 ? 1
                : (long) censusSpec.samples() * censusSpec.nulls().size() * census.ensemblesPerNull();
        try (Progress progress = new Progress(ProgressBars.open("census", files.size() * perGraph, err), perGraph)) {
            for (Path file : files) {
                try {
                    // hash on a helper thread; parse meanwhile when no earlier result can be reused anyway
                    Future<InputRef> hashing = hasher.submit(() -> InputRef.of(file));
                    AttributionGraph graph = store.mayHoldResultFor(file) ? null : reader.read(file);
                    InputRef input = fingerprint(hashing);
                    Path target = store.resultPath(input);
                    Path twin = sourceOfResult.putIfAbsent(target, file);
                    if (twin != null) {
                        out.println(file + ": same name and content as " + twin + ", counted once");
                        progress.graphDone();
                        continue;
                    }
                    String key = census.resultKey(input);
                    Optional<CensusResult> stored = store.reusable(target, key);
                    CensusResult result;
                    if (stored.isPresent()) {
                        result = stored.get();
                        reused++;
                    } else {
                        result = census.run(graph != null ? graph : reader.read(file), input, progress.samples());
                        CensusResultCodec.write(target, result);
                    }
                    targets.add(target);
                    done.add(result);
                } catch (InvalidGraphException e) {
                    err.println(e.getMessage());
                    bad++;
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    bad++;
                }
                progress.graphDone();
            }
        } finally {
            hasher.shutdownNow();
        }
        List<CensusResult> finished = CensusBatch.withQValues(done);
        try {
            for (int i = 0; i < finished.size(); i++) {
                CensusResultCodec.write(targets.get(i), finished.get(i));
            }
            SummaryCsv.write(output.output(), finished);
        } catch (IOException e) {
            err.println(output.output() + ": cannot write: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        if (!quiet) {
            SummaryTable.print(out, finished);
            out.println();
        }
        out.printf("census: %d graph(s) done (%d computed, %d reused), %d bad; results in %s%n", finished.size(),
                finished.size() - reused, reused, bad, output.output());
        return bad > 0 ? CgramCommand.EXIT_INPUT : 0;
    }

    /** The finished hash, with its IOException unwrapped. */
    private static InputRef fingerprint(Future<InputRef> hashing) throws IOException {
        try {
            return hashing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        }
    }

    /** The census progress bar (null off a terminal): samples as they finish, graphs as they end. */
    private static final class Progress implements AutoCloseable {
        private final ProgressBar bar;
        private final long perGraph;
        private long graphsDone;

        Progress(ProgressBar bar, long perGraph) {
            this.bar = bar;
            this.perGraph = perGraph;
        }

        /** Advances the bar by completed null samples; thread-safe. */
        LongConsumer samples() {
            return delta -> {
                if (bar != null) {
                    synchronized (bar) {
                        bar.stepBy(delta);
                    }
                }
            };
        }

        /** Puts the bar at the end of the current graph, whether it was computed, reused or rejected. */
        void graphDone() {
            graphsDone++;
            if (bar != null) {
                synchronized (bar) {
                    bar.stepTo(graphsDone * perGraph);
                }
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
