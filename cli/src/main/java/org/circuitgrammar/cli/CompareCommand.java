package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.reports.compare.CategoryFileException;
import org.circuitgrammar.reports.compare.Comparer;
import org.circuitgrammar.reports.compare.Comparison;
import org.circuitgrammar.reports.compare.ComparisonWriter;
import org.circuitgrammar.reports.compare.ResultBatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram compare RESULTS… --by KEY}: motif effect sizes and tests between groups of graphs. */
@Command(name = "compare",
        description = {"Compare groups of graphs from their census results (files or folders of *.census.json): "
                + "per group and motif the median and IQR of the effect size log2(observed/null mean) and of Z "
                + "under each null; between groups Mann-Whitney U (2 groups, Cliff's delta) or "
                + "Kruskal-Wallis (3+, epsilon squared) on the per-graph effect sizes with Benjamini-Hochberg "
                + "over the independent motifs; cosine of significance profiles within and between groups and "
                + "average-linkage clustering on 1 - cosine.",
            "Near-duplicate graphs are counted once (see --keep-duplicates); graphs without a group value are "
                + "reported, not tested. See docs/report.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared", "2:usage or input error (a result file unreadable or invalid: the others "
                + "are still compared)"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "census result files or folders")
    List<Path> inputs;

    @Mixin
    ComparisonMixin comparison;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "JSON instead of the table")
        boolean json;

        @Option(names = "--csv", description = "CSV instead of the table (one row per null, motif and group)")
        boolean csv;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE (atomically) instead of standard output")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ResultBatch batch = ResultBatch.read(inputs);
        batch.errors().forEach(err::println);
        if (batch.results().isEmpty()) {
            err.flush();
            return CgramCommand.EXIT_INPUT;
        }
        Comparison result;
        try {
            result = Comparer.compare(comparison.cohort(batch.results(), comparison.by));
        } catch (CategoryFileException e) {
            err.println(e.getMessage());
            err.flush();
            return CgramCommand.EXIT_INPUT;
        }
        String text = format.json ? ComparisonWriter.json(result)
                : format.csv ? ComparisonWriter.csv(result) : ComparisonWriter.table(result);
        try {
            if (output != null) {
                AtomicWrite.write(output, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
                err.println("wrote " + output);
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            err.flush();
            return CgramCommand.EXIT_INPUT;
        }
        err.flush();
        return batch.errors().isEmpty() ? 0 : CgramCommand.EXIT_INPUT;
    }
}
