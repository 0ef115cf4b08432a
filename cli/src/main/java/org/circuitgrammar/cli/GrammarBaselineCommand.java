package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.motifs.baseline.BaselineBuilder;
import org.circuitgrammar.motifs.baseline.BaselineCodec;
import org.circuitgrammar.motifs.baseline.BaselineSpec;
import org.circuitgrammar.motifs.baseline.GrammarBaseline;
import org.circuitgrammar.motifs.baseline.GroupBaseline;
import org.circuitgrammar.motifs.baseline.MotifBaseline;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.NearDuplicates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram grammar baseline}: the reference grammar of a set of graphs, per group. */
@Command(name = "baseline",
        description = {
            "Builds the reference grammar of a set of graphs per group: per motif and null the effect sizes "
                + "log2(observed / null mean) over graphs, the bootstrap interval of their median, the direction "
                + "where it excludes zero, and the mean significance profile; near-duplicate graphs count once.",
            "PATHS are graphs (the census runs here with the census options) or census result files (read as "
                + "written; they must share their census settings, the seed aside)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:baseline written", "2:usage error, or an input unreadable, malformed or made with "
                + "other census settings", "70:internal error (a bug): the stack trace is printed"})
public final class GrammarBaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATHS",
            description = "graph files or folders of *.json, or census result files or folders of *.census.json")
    List<Path> paths;

    @Option(names = "--by", paramLabel = "KEYS", split = ",",
            description = "group by these keys: model, transcoder, slug, prompt, file or any metadata key "
                    + "(default: one group, all)")
    List<String> groupBy = List.of();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the baseline file")
    Path output;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "" + BaselineSpec.DEFAULT_RESAMPLES,
            description = "bootstrap resamples per interval (default: ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--near-duplicate", paramLabel = "J", defaultValue = "" + NearDuplicates.DEFAULT_THRESHOLD,
            description = "node-set Jaccard at which two graphs of a group count once (default: ${DEFAULT-VALUE})")
    double nearDuplicate;

    @Option(names = "--allow-mixed-settings",
            description = "accept result files made with different census settings (recorded in the baseline)")
    boolean allowMixed;

    @Mixin
    CensusSpecMixin censusOptions;

    @Mixin
    ThreadsMixin threads;

    /** The census options the user typed (those of {@link CensusSpecMixin}, defaults not counted). */
    private List<String> censusFlagsGiven() {
        List<String> census = spec.mixins().get("censusOptions").options().stream()
                .map(o -> o.longestName()).toList();
        return spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName())
                .filter(census::contains).distinct().toList();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        CensusSpec censusSpec;
        int workers;
        RunInfo run;
        try {
            censusSpec = censusOptions.spec();
            workers = threads.threads();
            run = CgramCommand.runInfo(spec, workers);
        } catch (IllegalArgumentException e) {
            err.println("cgram grammar baseline: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        GrammarInputs inputs = GrammarInputs.of(paths, err, "cgram grammar baseline");
        if (inputs.problems() > 0) {
            return CgramCommand.EXIT_INPUT;
        }
        List<String> censusFlags = censusFlagsGiven();
        if (inputs.areResults() && !censusFlags.isEmpty()) {
            err.println("cgram grammar baseline: " + String.join(", ", censusFlags) + " apply to graphs; census "
                    + "result files carry their own settings");
            return CgramCommand.EXIT_INPUT;
        }
        List<CensusResult> results = inputs.areResults() ? inputs.readResults(null, allowMixed)
                : inputs.census(censusSpec, workers, run);
        if (inputs.problems() > 0) {
            return CgramCommand.EXIT_INPUT;
        }
        CensusSpec used = results.get(0).spec();
        GrammarBaseline baseline;
        try {
            BaselineSpec baselineSpec = new BaselineSpec(groupBy, resamples, used.seed(), nearDuplicate, used,
                    GrammarInputs.mixed(results, used));
            baseline = BaselineBuilder.build(results, baselineSpec, run);
        } catch (IllegalArgumentException e) {
            err.println("cgram grammar baseline: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        BaselineCodec.write(output, baseline);
        for (GroupBaseline g : baseline.groups()) {
            long established = g.motifs().stream().filter(m -> m.direction() != org.circuitgrammar.motifs.baseline
                    .Direction.NONE).count();
            int merged = g.graphs().stream().mapToInt(b -> b.merged().size()).sum();
            out.printf(Locale.ROOT, "group %s: %d graph(s) (%d near-duplicate(s) merged), %d motif(s), %d with an "
                    + "established direction%n", g.group(), g.graphs().size(), merged, g.motifs().size(), established);
            for (MotifBaseline m : g.motifs()) {
                out.printf(Locale.ROOT, "  %-26s median %+.4f [%+.4f, %+.4f] %s%n", m.motif(), m.median(), m.low(),
                        m.high(), m.direction().name().toLowerCase(Locale.ROOT));
            }
        }
        out.println("grammar baseline: " + results.size() + " graph(s), " + baseline.groups().size()
                + " group(s); written to " + output);
        return 0;
    }
}
