package org.circuitgrammar.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.circuitgrammar.corpus.json.GraphValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram validate FILE…}: schema and structural checks, one line per problem, every file in turn. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check attribution-graph JSON files: readable as a graph, valid against Neuronpedia's JSON "
                + "Schema, no duplicate node ids, self-loops or links going down in layer.",
            "Prints one line per problem (FILE: $.json.path: reason; warnings say so) and FILE: ok for a clean file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is clean", "1:a file has schema or structural problems",
            "2:a file cannot be read as a graph (or bad usage)"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "graph JSON files")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GraphValidator validator = new GraphValidator();
        int exit = 0;
        for (Path file : files) {
            GraphValidator.Report report = validator.validate(file);
            if (report.unreadable()) {
                report.problems().forEach(p -> err.println(p.toLine()));
                exit = CgramCommand.EXIT_INPUT;
            } else if (report.problems().isEmpty()) {
                out.println(file + ": ok");
            } else {
                report.problems().forEach(p -> out.println(p.toLine()));
                exit = Math.max(exit, CgramCommand.EXIT_FINDING);
            }
        }
        out.flush();
        err.flush();
        return exit;
    }
}
