package org.circuitgrammar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cgram model}: run and convert language models; prints usage without a subcommand. */
@Command(name = "model",
        description = "Run and convert language models (llama2.c checkpoints, Hugging Face Llama and GPT-2 folders).",
        subcommands = {ModelGenerateCommand.class, ModelExportHfCommand.class})
public final class ModelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
