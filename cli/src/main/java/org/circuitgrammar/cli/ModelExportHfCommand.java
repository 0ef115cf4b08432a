package org.circuitgrammar.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.tracer.io.TensorDType;
import org.circuitgrammar.tracer.model.HfLlamaFormat;
import org.circuitgrammar.tracer.model.LlamaWeights;
import org.circuitgrammar.tracer.model.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cgram model export-hf}: writes a Llama model (llama2.c checkpoint or HF folder) as a Hugging Face
 * {@code LlamaForCausalLM} folder: {@code config.json}, {@code model.safetensors} with q/k rows permuted for HF's
 * rotate-half RoPE, and the llama2.c tokenizer copied beside them.
 */
@Command(name = "export-hf",
        description = "Write a Llama model as a Hugging Face folder (config.json + model.safetensors + tokenizer).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage or input error (bad flags, unreadable model)"})
public final class ModelExportHfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "a llama2.c checkpoint or folder, or an HF Llama folder")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the folder to write")
    Path output;

    @Option(names = "--dtype", defaultValue = "F32", paramLabel = "TYPE",
            description = "tensor type in the file: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    TensorDType dtype;

    @Override
    public Integer call() {
        try {
            ModelFiles files = ModelFiles.locate(model);
            LlamaWeights weights = files.loadLlamaWeights();
            HfLlamaFormat.write(weights, output, dtype);
            if (files.tokenizer() != null) {
                Path tokenizer = files.tokenizer();
                AtomicWrite.write(output.resolve(tokenizer.getFileName().toString()), out -> Files.copy(tokenizer, out));
            }
            spec.commandLine().getOut().println("wrote " + output + ": " + weights.names().size() + " tensors (" + dtype
                    + ")" + (files.tokenizer() != null ? " + " + files.tokenizer().getFileName() : ", no tokenizer found"));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
    }
}
