package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.circuitgrammar.tracer.model.Generator;
import org.circuitgrammar.tracer.model.LanguageModel;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.ModelFiles;
import org.circuitgrammar.tracer.model.RunCSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cgram model generate}: prints the prompt and the generated text exactly as llama2.c's {@code run.c} prints
 * them (piece by piece, leading space dropped after BOS, byte tokens as raw bytes, unprintable single bytes skipped,
 * a final newline), using {@code run.c}'s sampler.
 */
@Command(name = "generate",
        description = {"Generate text with a model, printed as llama2.c's run.c prints it.",
            "Unlike run.c's -n, --steps counts new tokens only: run.c -n S equals --steps S-(prompt tokens)+1."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage or input error (bad flags, unreadable model or tokenizer)"})
public final class ModelGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH",
            description = "a llama2.c checkpoint (.bin), a folder holding one plus its tokenizer, or an HF folder "
                    + "with a llama2.c tokenizer (tokenizer.bin or tok<N>.bin)")
    Path model;

    @Option(names = "--prompt", defaultValue = "", paramLabel = "TEXT", description = "the prompt (default: empty)")
    String prompt;

    @Option(names = "--steps", defaultValue = "256", paramLabel = "N",
            description = "new tokens to generate (default: ${DEFAULT-VALUE}); stops early at BOS or a full context")
    int steps;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T",
            description = "0 is greedy (argmax); default ${DEFAULT-VALUE}")
    float temperature;

    @Option(names = "--top-p", defaultValue = "0.9", paramLabel = "P",
            description = "nucleus sampling mass, 0 or 1 to sample from all tokens (default ${DEFAULT-VALUE})")
    float topP;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "sampler seed, not 0 (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (steps < 0) throw new ParameterException(spec.commandLine(), "--steps must be >= 0");
        if (temperature < 0 || topP < 0 || topP > 1 || seed == 0) {
            throw new ParameterException(spec.commandLine(), "need --temperature >= 0, 0 <= --top-p <= 1, --seed != 0");
        }
        try {
            ModelFiles files = ModelFiles.locate(model);
            try (LanguageModel lm = files.load()) {
                Llama2cTokenizer tokenizer = files.loadTokenizer(lm.config().vocabSize());
                int[] ids = tokenizer.encode(prompt, true, false);
                for (int i = 1; i < ids.length; i++) out.print(tokenizer.printable(ids[i - 1], ids[i]));
                out.flush();
                int[] previous = {ids[ids.length - 1]};
                Generator.generate(lm, ids, steps, new RunCSampler(temperature, topP, seed), next -> {
                    out.print(tokenizer.printable(previous[0], next));
                    out.flush();
                    previous[0] = next;
                });
                out.println();
                out.flush();
                return 0;
            }
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
    }
}
