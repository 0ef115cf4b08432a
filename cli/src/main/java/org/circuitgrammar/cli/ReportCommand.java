package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.circuitgrammar.reports.compare.CategoryFileException;
import org.circuitgrammar.reports.compare.ResultBatch;
import org.circuitgrammar.reports.html.HtmlReport;
import org.circuitgrammar.reports.html.NeuronpediaSubgraph;
import org.circuitgrammar.reports.html.ReportBuilder;
import org.circuitgrammar.reports.html.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram report RESULTS… -o report.html}: one self-contained, offline HTML report of census results. */
@Command(name = "report",
        description = {"Write one self-contained HTML report (works offline, no external request) of census results "
                + "(files or folders of *.census.json): corpus summary, effect-size and Z heatmaps, significance "
                + "profiles per group, null distributions, a dendrogram of profile similarity, CLT-vs-PLT and "
                + "model-vs-model comparisons with plain-language findings, the strongest FFL instances, recurring "
                + "circuits and the methods.",
            "Instances and recurring circuits re-read each graph file from the path its result records, only if "
                + "its SHA-256 still matches. See docs/report.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "2:usage or input error (a result file unreadable or invalid: the "
                + "report is still written from the others)"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "census result files or folders")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "REPORT.html",
            description = "the HTML file to write (atomically)")
    Path output;

    @Mixin
    ComparisonMixin comparison;

    @Option(names = "--instances", paramLabel = "K", defaultValue = "" + ReportOptions.DEFAULT_INSTANCES,
            description = "strongest FFL instances drawn per graph; 0 = none (default ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--recurring-min-graphs", paramLabel = "K", defaultValue = "" + ReportOptions.DEFAULT_MIN_GRAPHS,
            description = "recurring circuits occur in at least K graphs of one model and transcoder; 0 = no search "
                    + "(default ${DEFAULT-VALUE})")
    int recurringMinGraphs;

    @Option(names = "--recurring-top", paramLabel = "N", defaultValue = "" + ReportOptions.DEFAULT_RECURRING_TOP,
            description = "recurring circuits listed per model and transcoder (default ${DEFAULT-VALUE})")
    int recurringTop;

    @Option(names = "--graph-base", paramLabel = "DIR",
            description = "resolve the results' relative graph paths against DIR (default: the working directory)")
    Path graphBase;

    @Option(names = "--subgraphs", paramLabel = "DIR",
            description = "also write each listed recurring circuit as a Neuronpedia graph file with the circuit "
                    + "pinned (qParams.pinnedIds, supernodes) into DIR")
    Path subgraphDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (instances < 0 || recurringMinGraphs < 0 || recurringTop < 0) {
            err.println("--instances, --recurring-min-graphs and --recurring-top must be >= 0");
            err.flush();
            return CgramCommand.EXIT_INPUT;
        }
        long start = System.nanoTime();
        ResultBatch batch = ResultBatch.read(inputs);
        batch.errors().forEach(err::println);
        if (batch.results().isEmpty()) {
            err.flush();
            return CgramCommand.EXIT_INPUT;
        }
        ReportOptions options;
        try {
            options = new ReportOptions(comparison.groupBy(), comparison.keepDuplicates, comparison.jaccard,
                    graphBase, instances, recurringMinGraphs, recurringTop,
                    new ManifestVersionProvider().getVersion()[0], argv());
        } catch (CategoryFileException e) {
            err.println(e.getMessage());
            err.flush();
            return CgramCommand.EXIT_INPUT;
        }
        ReportBuilder.Built report = new ReportBuilder(options).build(batch.results());
        HtmlReport.write(output, report);
        if (subgraphDir != null) {
            Files.createDirectories(subgraphDir);
            for (ReportBuilder.Subgraph s : report.subgraphs()) {
                NeuronpediaSubgraph.write(s.graph(), s.circuit(), s.occurrence(), subgraphDir.resolve(s.fileName()));
            }
            err.printf(Locale.ROOT, "wrote %d Neuronpedia subgraph(s) into %s%n", report.subgraphs().size(),
                    subgraphDir);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s (%d graphs, %.1f MB, %.1f s); open it in a browser, e.g. xdg-open %s%n",
                output, report.data().graphs().size(), Files.size(output) / 1e6, (System.nanoTime() - start) / 1e9,
                output.toAbsolutePath());
        out.flush();
        err.flush();
        return batch.errors().isEmpty() ? 0 : CgramCommand.EXIT_INPUT;
    }

    /** The command as typed after {@code cgram}, for the methods section. */
    private List<String> argv() {
        return new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    }
}
