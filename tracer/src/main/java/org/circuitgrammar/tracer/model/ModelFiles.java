package org.circuitgrammar.tracer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.circuitgrammar.tracer.io.InvalidModelFileException;

/**
 * Where a model's files are, given what a user passes as {@code --model}:
 * <ul>
 *   <li>a llama2.c checkpoint file ({@code .bin}): the tokenizer is {@code tokenizer.bin} or {@code tok<N>.bin}
 *       beside it;</li>
 *   <li>a folder with {@code config.json}: a Hugging Face folder (Llama or GPT-2), tokenizer as above if present;</li>
 *   <li>any other folder: exactly one llama2.c checkpoint {@code .bin} plus the tokenizer.</li>
 * </ul>
 *
 * @param format    what the weights are
 * @param location  the checkpoint file (llama2.c) or the folder (Hugging Face)
 * @param tokenizer the llama2.c tokenizer file, or null when there is none
 */
public record ModelFiles(Format format, Path location, Path tokenizer) {
    /** The weight layouts the tracer reads. */
    public enum Format { LLAMA2C, HF_LLAMA, HF_GPT2 }

    private static final Pattern TOKENIZER_NAME = Pattern.compile("tokenizer\\.bin|tok\\d+\\.bin");

    /** @throws IOException a one-line message naming the path when nothing usable is there */
    public static ModelFiles locate(Path pathOrDir) throws IOException {
        if (Files.isRegularFile(pathOrDir)) {
            Path dir = pathOrDir.toAbsolutePath().getParent();
            return new ModelFiles(Format.LLAMA2C, pathOrDir, findTokenizer(dir));
        }
        if (!Files.isDirectory(pathOrDir)) throw new NoSuchFileException(pathOrDir.toString(), null, "no such file or folder");
        if (HfFolder.isHfFolder(pathOrDir)) {
            JsonNode config = HfFolder.readConfig(pathOrDir);
            Format format;
            if (HfLlamaFormat.isLlama(config)) {
                format = Format.HF_LLAMA;
            } else if (HfGpt2Format.isGpt2(config)) {
                format = Format.HF_GPT2;
            } else {
                throw new InvalidModelFileException(pathOrDir.resolve(HfFolder.CONFIG), "$.model_type",
                        "unsupported model type '" + config.path("model_type").asText() + "' (llama, gpt2)");
            }
            return new ModelFiles(format, pathOrDir, findTokenizer(pathOrDir));
        }
        List<Path> checkpoints = new ArrayList<>();
        try (Stream<Path> files = Files.list(pathOrDir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".bin"))
                    .filter(p -> !TOKENIZER_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted().forEach(checkpoints::add);
        }
        if (checkpoints.size() != 1) {
            throw new InvalidModelFileException(pathOrDir, "", checkpoints.isEmpty()
                    ? "no config.json and no llama2.c checkpoint (.bin)"
                    : "several checkpoints " + checkpoints + ": pass one file as --model");
        }
        return new ModelFiles(Format.LLAMA2C, checkpoints.get(0), findTokenizer(pathOrDir));
    }

    private static Path findTokenizer(Path dir) throws IOException {
        Path conventional = dir.resolve("tokenizer.bin");
        if (Files.isRegularFile(conventional)) return conventional;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> TOKENIZER_NAME.matcher(p.getFileName().toString()).matches()).sorted()
                    .findFirst().orElse(null);
        }
    }

    /** Loads the model (the caller closes it). */
    public LanguageModel load() throws IOException {
        return switch (format) {
            case LLAMA2C, HF_LLAMA -> new LlamaModel(loadLlamaWeights());
            case HF_GPT2 -> HfGpt2Format.load(location);
        };
    }

    /** The weights of a Llama-family model. @throws InvalidModelFileException for GPT-2 */
    public LlamaWeights loadLlamaWeights() throws IOException {
        return switch (format) {
            case LLAMA2C -> Llama2cCheckpoint.read(location);
            case HF_LLAMA -> HfLlamaFormat.read(location);
            case HF_GPT2 -> throw new InvalidModelFileException(location, "", "a GPT-2 model, not a Llama model");
        };
    }

    /** The tokenizer for a model with {@code vocabSize} tokens. @throws NoSuchFileException when there is none */
    public Llama2cTokenizer loadTokenizer(int vocabSize) throws IOException {
        if (tokenizer == null) {
            throw new NoSuchFileException(location.toString(), null,
                    "no llama2.c tokenizer (tokenizer.bin or tok<N>.bin) beside the model");
        }
        return Llama2cTokenizer.read(tokenizer, vocabSize);
    }
}
