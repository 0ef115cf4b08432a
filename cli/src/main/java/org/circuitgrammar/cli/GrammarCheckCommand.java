package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.motifs.baseline.BaselineCodec;
import org.circuitgrammar.motifs.baseline.CheckReport;
import org.circuitgrammar.motifs.baseline.CheckRules;
import org.circuitgrammar.motifs.baseline.CheckTable;
import org.circuitgrammar.motifs.baseline.GrammarBaseline;
import org.circuitgrammar.motifs.baseline.GrammarCheck;
import org.circuitgrammar.motifs.baseline.JunitReport;
import org.circuitgrammar.motifs.baseline.RulesFile;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram grammar check}: compares graphs with a grammar baseline, for CI. */
@Command(name = "check",
        description = {
            "Compares graphs (or census result files) with a grammar baseline under the rules: each motif's median "
                + "effect size stays in the baseline's interval widened by a tolerance (effect-band), no established "
                + "direction flips (direction), the mean significance profiles stay similar (profile). Prints what "
                + "moved; --json and --junit write machine-readable reports.",
            "Graphs are counted with the baseline's census settings (--seed may change the seed); result files "
                + "must have been made with them unless --allow-mixed-settings."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every rule holds", "1:a regression: some rule broke (the report names the motif)",
            "2:usage error, or an input unreadable, malformed, made with other census settings, or in a group the "
                + "baseline does not have", "70:internal error (a bug): the stack trace is printed"})
public final class GrammarCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATHS",
            description = "graph files or folders of *.json, or census result files or folders of *.census.json")
    List<Path> paths;

    @Option(names = "--baseline", paramLabel = "FILE", required = true, description = "the grammar baseline")
    Path baselineFile;

    @Option(names = "--rules", paramLabel = "FILE", description = "rules.yml (default: the documented defaults)")
    Path rulesFile;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON (- = stdout)")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "also write a JUnit XML report: one test case per rule and group")
    Path junit;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "census seed for graphs (default: the baseline's)")
    Long seed;

    @Option(names = "--allow-mixed-settings",
            description = "accept result files made with census settings other than the baseline's")
    boolean allowMixed;

    @Mixin
    ThreadsMixin threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        GrammarBaseline baseline;
        CheckRules rules;
        int workers;
        try {
            baseline = BaselineCodec.read(baselineFile);
            rules = rulesFile == null ? CheckRules.defaults() : RulesFile.read(rulesFile);
            workers = threads.threads();
        } catch (IOException | IllegalArgumentException e) {
            err.println(e instanceof IOException ? e.getMessage() : "cgram grammar check: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        GrammarInputs inputs = GrammarInputs.of(paths, err, "cgram grammar check");
        if (inputs.problems() > 0) {
            return CgramCommand.EXIT_INPUT;
        }
        CensusSpec census = baseline.spec().census();
        List<CensusResult> results = inputs.areResults() ? inputs.readResults(census, allowMixed)
                : inputs.census(seed == null ? census : census.withSeed(seed), workers, CgramCommand.runInfo(spec, workers));
        if (inputs.problems() > 0) {
            return CgramCommand.EXIT_INPUT;
        }
        CheckReport report;
        try {
            report = GrammarCheck.check(baseline, results, rules);
        } catch (IllegalArgumentException e) {
            err.println("cgram grammar check: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        if (json != null && json.toString().equals("-")) {
            out.println(new String(BaselineCodec.reportBytes(report), StandardCharsets.UTF_8));
        } else {
            CheckTable.print(report, out);
            if (json != null) {
                AtomicWrite.write(json, o -> o.write(BaselineCodec.reportBytes(report)));
            }
        }
        if (junit != null) {
            AtomicWrite.write(junit, o -> JunitReport.write(report, started, hostname(), o));
        }
        out.flush();
        return report.passed() ? 0 : CgramCommand.EXIT_FINDING;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
