package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.circuitgrammar.cli.census.CensusFile;
import org.circuitgrammar.cli.census.CensusParameters;
import org.circuitgrammar.cli.census.CensusStore;
import org.circuitgrammar.cli.census.CensusSummary;
import org.circuitgrammar.cli.census.GraphCensus;
import org.circuitgrammar.cli.census.MotifFamilies;
import org.circuitgrammar.cli.census.UnusableGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.nulls.NullKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram census}: motif counts, null ensembles and their statistics for a batch of graphs. */
@Command(name = "census",
        description = {
            "Counts motifs in each graph, compares them with null-model ensembles (Z, significance profile, "
                + "empirical two-sided p, Benjamini-Hochberg q across motifs x graphs per null) and writes one "
                + "JSON per graph plus summary.csv into OUT.",
            "A rerun skips graphs whose result exists for the same input SHA-256 and parameters; an interrupted "
                + "run leaves no partial file and resumes. Bad or degenerate graphs get a one-line message and the "
                + "batch goes on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every graph done", "2:usage error, or some input was unreadable, malformed or degenerate"})
public final class CensusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATHS",
            description = "graph files, or folders searched recursively for *.json")
    List<Path> paths;

    @Option(names = "--null", paramLabel = "NULLS", defaultValue = NullKind.DEFAULT_NAME,
            description = "comma-separated null models: er, config, lp-er, lpc, lpc-shuffle, lpc-sign, "
                    + "lpc-position, or all (default: ${DEFAULT-VALUE})")
    String nulls;

    @Option(names = "-n", paramLabel = "N", defaultValue = "1000",
            description = "null samples per graph and null; 0 = counts only (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--sweeps", paramLabel = "S",
            description = "swap sweeps (m trials each) between samples of a chain (default: "
                    + EnsembleSpec.DEFAULT_SWEEPS_PER_SAMPLE + "; in the circuit-motifs profile the length of each "
                    + "sample's fresh chain, default " + EnsembleSpec.CIRCUIT_MOTIFS_SWEEPS + ")")
    Double sweeps;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "root seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads (default: every core); results do not depend on it")
    Integer threads;

    @Option(names = "--motifs", paramLabel = "FAMILIES", defaultValue = "triad,signed",
            description = "comma-separated motif families: triad, signed, dag4, position (default: ${DEFAULT-VALUE})")
    String motifs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "output folder")
    Path output;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "default",
            description = "default, or circuit-motifs to reproduce that tool's loading and null choices "
                    + "(see docs/compat-circuit-motifs.md) (default: ${DEFAULT-VALUE})")
    String profile;

    @Mixin
    AnalysisViewMixin viewOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<NullKind> nullKinds;
        List<MotifCounter> counters;
        EnsembleSpec.Profile censusProfile;
        double sweepsPerSample;
        try {
            nullKinds = NullKind.parseList(nulls);
            counters = MotifFamilies.parse(motifs);
            censusProfile = EnsembleSpec.Profile.parse(profile);
            sweepsPerSample = sweeps != null ? sweeps : censusProfile == EnsembleSpec.Profile.CIRCUIT_MOTIFS
                    ? EnsembleSpec.CIRCUIT_MOTIFS_SWEEPS : EnsembleSpec.DEFAULT_SWEEPS_PER_SAMPLE;
            if (samples < 0) {
                throw new IllegalArgumentException("-n must be >= 0: " + samples);
            }
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1: " + threads);
            }
            if (!viewOptions.valid()) {
                throw new IllegalArgumentException("--threshold must be finite and >= 0, --max-layer-gap >= 0");
            }
            if (!(sweepsPerSample > 0) || Double.isInfinite(sweepsPerSample)) {
                throw new IllegalArgumentException("--sweeps must be finite and > 0: " + sweepsPerSample);
            }
        } catch (IllegalArgumentException e) {
            err.println("cgram census: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        CensusParameters params = new CensusParameters(nullKinds.stream().map(NullKind::cliName).toList(), samples,
                sweepsPerSample, seed, counters.stream().map(MotifCounter::family).toList(),
                censusProfile.cliName(), viewOptions.keepErrors, viewOptions.threshold, viewOptions.maxLayerGap);
        CensusStore store = new CensusStore(output);
        int bad = 0;
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                files.addAll(graphFiles(p));
            } catch (IOException | UncheckedIOException e) {
                err.println(p + ": cannot read: " + e.getMessage());
                bad++;
            }
        }
        try {
            store.prepare();
        } catch (IOException e) {
            err.println(output + ": cannot use as output folder: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        String commit = System.getProperty("cgram.git.commit", "");
        RunInfo run = RunInfo.capture(CgramCommand.class, commit.isBlank() ? null : commit,
                spec.commandLine().getParseResult().originalArgs(), Instant.now(), workers);
        GraphCensus census = new GraphCensus(params, nullKinds, counters, workers, run, store.objectMapper());
        List<CensusSummary.Entry> done = new ArrayList<>();
        Map<Path, Path> sourceOfResult = new HashMap<>();
        int reused = 0;
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "census-sha256");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = Progress.open(files.size(), samples, nullKinds.size(),
                census.ensemblesPerNull())) {
            for (Path file : files) {
                try {
                    // hash on a helper thread; parse meanwhile when no earlier result can be reused anyway
                    Future<InputRef> hashing = hasher.submit(() -> InputRef.of(file));
                    AttributionGraph graph = store.mayHoldResultFor(file) ? null : census.read(file);
                    InputRef input = fingerprint(hashing);
                    Path target = store.resultPath(input);
                    Path twin = sourceOfResult.putIfAbsent(target, file);
                    if (twin != null) {
                        out.println(file + ": same name and content as " + twin + ", counted once");
                        progress.graphDone();
                        continue;
                    }
                    String key = store.resultKey(input, params);
                    Optional<CensusFile> stored = store.reusable(target, key);
                    CensusFile result;
                    if (stored.isPresent()) {
                        result = stored.get();
                        reused++;
                    } else {
                        result = census.compute(file, graph != null ? graph : census.read(file), input, key,
                                progress.samples());
                        store.write(target, result);
                    }
                    done.add(new CensusSummary.Entry(target, result));
                } catch (UnusableGraphException e) {
                    err.println(e.getMessage());
                    bad++;
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    bad++;
                } catch (UncheckedIOException e) {
                    err.println(e.getMessage());
                    return CgramCommand.EXIT_INPUT;
                }
                progress.graphDone();
            }
        } finally {
            hasher.shutdownNow();
        }
        List<CensusSummary.Entry> finished = CensusSummary.withQValues(done);
        try {
            for (CensusSummary.Entry e : finished) {
                store.write(e.path(), e.file());
            }
            CensusSummary.writeCsv(output, finished);
        } catch (IOException | UncheckedIOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        out.printf("census: %d graph(s) done (%d computed, %d reused), %d bad; results in %s%n", finished.size(),
                finished.size() - reused, reused, bad, output);
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

    /** A file as given, or every {@code *.json} under a folder, sorted by path. */
    private static List<Path> graphFiles(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            if (!Files.exists(p)) {
                throw new IOException("no such file or folder");
            }
            return List.of(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        }
    }

    /** A progress bar on a terminal (stderr), nothing otherwise. */
    private static final class Progress implements AutoCloseable {
        private final ProgressBar bar;
        private final long perGraph;
        private long graphsDone;

        private Progress(ProgressBar bar, long perGraph) {
            this.bar = bar;
            this.perGraph = perGraph;
        }

        static Progress open(int graphs, int samples, int nullCount, int ensemblesPerNull) {
            long perGraph = samples == 0 ? 1 : (long) samples * nullCount * ensemblesPerNull;
            ProgressBar bar = System.console() == null ? null
                    : ProgressBar.builder().setTaskName("census").setInitialMax(graphs * perGraph).build();
            return new Progress(bar, perGraph);
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
