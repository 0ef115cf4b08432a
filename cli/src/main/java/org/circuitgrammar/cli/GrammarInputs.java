package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.folder.CorpusScanner;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.motifs.baseline.CensusSettings;
import org.circuitgrammar.motifs.pipeline.GraphCensus;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.CensusSpec;

/**
 * The census results a grammar command works on. The PATHS name either census result files (a
 * {@code *.census.json} file, or a folder holding some) or graphs (any other file, or a folder of {@code *.json});
 * a mix is refused. Graphs are counted here with {@link GraphCensus}; results are read with
 * {@link CensusResultCodec} and must share one set of census settings (the seed may differ) unless mixing is
 * allowed. Every problem is one line on stderr naming the file, and makes the command exit 2.
 */
final class GrammarInputs {
    private final PrintWriter err;
    private final String command;
    private final List<Path> resultFiles = new ArrayList<>();
    private final List<Path> graphFiles = new ArrayList<>();
    private int problems;

    private GrammarInputs(PrintWriter err, String command) {
        this.err = err;
        this.command = command;
    }

    /** Sorts {@code paths} into result files and graph files; problems are printed and counted. */
    static GrammarInputs of(List<Path> paths, PrintWriter err, String command) {
        GrammarInputs in = new GrammarInputs(err, command);
        for (Path p : paths) {
            try {
                List<Path> results = Files.isDirectory(p) ? CensusResultCodec.resultFiles(List.of(p))
                        : isResultFile(p) ? List.of(p) : List.of();
                if (!results.isEmpty()) {
                    in.resultFiles.addAll(results);
                } else {
                    in.graphFiles.addAll(CorpusScanner.files(p, ".json"));
                }
            } catch (NoSuchFileException e) {
                in.problem(p + ": cannot read: no such file or folder");
            } catch (IOException e) {
                in.problem(p + ": cannot read: " + e.getMessage());
            }
        }
        if (!in.resultFiles.isEmpty() && !in.graphFiles.isEmpty()) {
            in.problem(command + ": PATHS mix census result files (e.g. " + in.resultFiles.get(0) + ") and graphs "
                    + "(e.g. " + in.graphFiles.get(0) + "); give one kind");
        } else if (in.problems == 0 && in.resultFiles.isEmpty() && in.graphFiles.isEmpty()) {
            in.problem(command + ": no graph or census result file under " + paths);
        }
        return in;
    }

    private static boolean isResultFile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(CensusResultCodec.SUFFIX);
    }

    /** True iff the inputs are census result files. */
    boolean areResults() {
        return !resultFiles.isEmpty();
    }

    /** Problems printed so far. */
    int problems() {
        return problems;
    }

    /**
     * Reads the result files; each must have {@code reference}'s settings (all but the seed), or the first file's
     * when {@code reference} is null, unless {@code allowMixed}.
     */
    List<CensusResult> readResults(CensusSpec reference, boolean allowMixed) {
        List<CensusResult> out = new ArrayList<>();
        CensusSpec first = reference;
        Path firstFile = null;
        for (Path file : resultFiles) {
            try {
                CensusResult r = CensusResultCodec.read(file);
                if (first == null) {
                    first = r.spec();
                    firstFile = file;
                }
                List<String> diff = CensusSettings.differences(first, r.spec());
                if (!diff.isEmpty() && !allowMixed) {
                    problem(file + ": $.provenance.config: census settings differ from "
                            + (firstFile == null ? "the baseline's" : firstFile + "'s") + ": "
                            + String.join(", ", diff) + " (--allow-mixed-settings to use it anyway)");
                    continue;
                }
                out.add(r);
            } catch (IOException e) {
                problem(e.getMessage());
            }
        }
        return out;
    }

    /** True iff some result read so far was made with settings other than {@code reference}'s (seed aside). */
    static boolean mixed(List<CensusResult> results, CensusSpec reference) {
        return results.stream().anyMatch(r -> !CensusSettings.differences(reference, r.spec()).isEmpty());
    }

    /** Runs the census of {@code spec} on every graph file, one at a time on {@code threads} threads. */
    List<CensusResult> census(CensusSpec spec, int threads, RunInfo run) {
        GraphCensus census = new GraphCensus(spec, threads, run);
        GraphReader reader = new GraphReader();
        List<CensusResult> out = new ArrayList<>();
        for (Path file : graphFiles) {
            try {
                out.add(census.run(reader.read(file), InputRef.of(file), samples -> { }));
            } catch (InvalidGraphException e) {
                problem(e.getMessage());
            } catch (IOException e) {
                problem(file + ": cannot read: " + e.getMessage());
            }
        }
        return out;
    }

    private void problem(String line) {
        err.println(line);
        problems++;
    }
}
