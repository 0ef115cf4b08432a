package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import me.tongfei.progressbar.ProgressBar;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.corpus.folder.FileDigest;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.LanguageModel;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.ModelFiles;
import org.circuitgrammar.tracer.train.ActivationCollector;
import org.circuitgrammar.tracer.train.ActivationSet;
import org.circuitgrammar.tracer.train.LayerMetrics;
import org.circuitgrammar.tracer.train.ReplacementLoss;
import org.circuitgrammar.tracer.train.TranscoderEvaluator;
import org.circuitgrammar.tracer.train.TranscoderTrainer;
import org.circuitgrammar.tracer.train.TrainingOptions;
import org.circuitgrammar.tracer.train.TrainingOptions.TrainedActivation;
import org.circuitgrammar.tracer.transcoder.Transcoder;
import org.circuitgrammar.tracer.transcoder.TranscoderFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cgram transcoders train}: trains a per-layer (optionally skip) or cross-layer transcoder for a llama2.c
 * model on activations of text the model samples itself (seeded) or of a user's text, reports per layer the
 * fraction of variance unexplained, mean L0 and dead-feature share on held-out text, and writes circuit-tracer's
 * file layout plus {@code training.yaml} (how it was made and what it scored).
 */
@Command(name = "train",
        description = {"Train a transcoder (PLT, skip-PLT or CLT) on a llama2.c model's activations.",
            "Data: sequences the model samples itself (BOS, then --seq-len tokens at --temperature, one seed per"
                + " sequence drawn from --seed), or --text FILE cut into windows (the last tenth held out).",
            "Writes DIR/config.yaml, the safetensors files, and DIR/training.yaml."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
public final class TranscodersTrainCommand implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "the model: a llama2.c checkpoint .bin, a folder holding one (with tok<N>.bin or tokenizer.bin),"
                + " or a Hugging Face Llama folder")
    Path model;

    @Option(names = "--kind", required = true, paramLabel = "plt|skip-plt|clt", description = "transcoder kind")
    String kind;

    @Option(names = "--features", defaultValue = "256", description = "features per layer (default ${DEFAULT-VALUE})")
    int features;

    @Option(names = "--activation", defaultValue = "jumprelu", paramLabel = "relu|jumprelu|topk",
            description = "relu (with --l1), topk (per token), or jumprelu (trained BatchTopK, one threshold per"
                + " layer) (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--k", defaultValue = "16",
            description = "active features per token and layer for topk / jumprelu (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--l1", defaultValue = "0",
            description = "L1 coefficient on a·|W_dec|; required > 0 for relu (default ${DEFAULT-VALUE})")
    float l1;

    @Option(names = "--steps", defaultValue = "3000", description = "optimiser steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "512", description = "rows per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam step size (default ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "root seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--input-hook", defaultValue = "mlp.hook_in", paramLabel = "mlp.hook_in|hook_resid_mid",
            description = "what features read (default ${DEFAULT-VALUE}, chosen by measurement)")
    String inputHook;

    @Option(names = "--text", paramLabel = "FILE", description = "train on this UTF-8 text instead of samples")
    Path text;

    @Option(names = "--sequences", defaultValue = "160",
            description = "sampled training sequences (default ${DEFAULT-VALUE})")
    int sequences;

    @Option(names = "--heldout-sequences", defaultValue = "24",
            description = "sampled held-out sequences (default ${DEFAULT-VALUE})")
    int heldOutSequences;

    @Option(names = "--seq-len", defaultValue = "128",
            description = "tokens per sampled sequence or text window (default ${DEFAULT-VALUE})")
    int seqLen;

    @Option(names = "--temperature", defaultValue = "1.0",
            description = "sampling temperature (default ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--threads", description = "worker threads (default: available processors); results do not"
            + " depend on it")
    Integer threads;

    @Option(names = "--model-name", description = "model_name in config.yaml (default: the checkpoint's file name)")
    String modelName;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output folder")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingOptions options;
        Hook hook;
        try {
            options = trainingOptions();
            hook = Hook.fromTransformerLensName(inputHook);
            if (hook != Hook.MLP_IN && hook != Hook.RESID_MID) {
                throw new IllegalArgumentException("--input-hook must be mlp.hook_in or hook_resid_mid");
            }
            if (sequences < 1 || heldOutSequences < 1 || seqLen < 1 || temperature < 0) {
                throw new IllegalArgumentException("--sequences, --heldout-sequences, --seq-len must be >= 1 and"
                        + " --temperature >= 0");
            }
        } catch (IllegalArgumentException e) {
            err.println("cgram transcoders train: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        ModelFiles files;
        try {
            files = ModelFiles.locate(model);
            if (text != null && !Files.isRegularFile(text)) {
                throw new NoSuchFileException(text.toString(), null, "no such file");
            }
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
            return CgramCommand.EXIT_INPUT;
        } catch (IOException e) {
            err.println(e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        Path checkpoint = files.location();
        Instant started = Instant.now();
        List<LanguageModel> models = new ArrayList<>();
        try {
            models.add(files.load());
            List<int[]> train;
            List<int[]> heldOut;
            if (text != null) {
                Llama2cTokenizer tokenizer = files.loadTokenizer(models.get(0).config().vocabSize());
                List<int[]> windows = ActivationCollector.windows(tokenizer, Files.readString(text), seqLen);
                if (windows.size() < 2) {
                    err.println(text + ": too little text: need at least two windows of tokens");
                    return CgramCommand.EXIT_INPUT;
                }
                int cut = windows.size() - Math.max(1, windows.size() / 10);
                train = windows.subList(0, cut);
                heldOut = windows.subList(cut, windows.size());
            } else {
                for (int i = 1; i < Math.min(workers, sequences); i++) {
                    models.add(files.load());
                }
                ActivationCollector.SampleSeeds seeds = ActivationCollector.SampleSeeds.of(seed);
                try (ProgressBar bar = ProgressBars.open("sampling", sequences + heldOutSequences, err)) {
                    train = ActivationCollector.sample(models, sequences, seqLen, temperature, seeds.train(),
                            i -> step(bar));
                    heldOut = ActivationCollector.sample(models, heldOutSequences, seqLen, temperature, seeds.heldOut(),
                            i -> step(bar));
                }
            }
            LanguageModel lm = models.get(0);
            ActivationSet trainSet = ActivationCollector.collect(lm, train, hook);
            ActivationSet heldOutSet = ActivationCollector.collect(lm, heldOut, hook);
            Transcoder transcoder;
            long trainStart = System.nanoTime();
            try (ProgressBar bar = ProgressBars.open("training", steps, err)) {
                transcoder = new TranscoderTrainer(options, workers).train(trainSet, (s, loss) -> {
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
                    }
                });
            }
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            List<LayerMetrics> metrics = TranscoderEvaluator.evaluate(transcoder, heldOutSet);
            ReplacementLoss.Result loss = hook == Hook.MLP_IN ? ReplacementLoss.measure(lm, transcoder, heldOut) : null;
            String name = modelName != null ? modelName : checkpoint.getFileName().toString().replaceFirst("\\.bin$", "");
            TranscoderFiles.write(output, transcoder, name, hook == Hook.MLP_IN ? "mlp.hook_in" : "hook_resid_mid",
                    "hook_mlp_out");
            writeReport(output.resolve("training.yaml"), options, checkpoint, trainSet.rows(), heldOutSet.rows(),
                    metrics, loss, started, trainSeconds, workers);
            printSummary(out, options, trainSet.rows(), heldOutSet.rows(), metrics, loss, trainSeconds);
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return CgramCommand.EXIT_INPUT;
        } finally {
            models.forEach(LanguageModel::close);
        }
    }

    private TrainingOptions trainingOptions() {
        TranscoderKind transcoderKind;
        boolean skip = false;
        switch (kind) {
            case "plt" -> transcoderKind = TranscoderKind.PLT;
            case "skip-plt" -> {
                transcoderKind = TranscoderKind.PLT;
                skip = true;
            }
            case "clt" -> transcoderKind = TranscoderKind.CLT;
            default -> throw new IllegalArgumentException("--kind must be plt, skip-plt or clt, got " + kind);
        }
        TrainedActivation act = switch (activation) {
            case "relu" -> TrainedActivation.RELU;
            case "jumprelu" -> TrainedActivation.JUMPRELU;
            case "topk" -> TrainedActivation.TOPK;
            default -> throw new IllegalArgumentException("--activation must be relu, jumprelu or topk, got "
                    + activation);
        };
        if (act == TrainedActivation.RELU && !(l1 > 0)) {
            throw new IllegalArgumentException("--activation relu needs --l1 > 0");
        }
        return new TrainingOptions(transcoderKind, skip, features, act, k, l1, steps, batch, learningRate, seed);
    }

    /** A progress bar on the error stream when it is a terminal, else null. */
    private static void step(ProgressBar bar) {
        if (bar != null) {
            synchronized (bar) {
                bar.step();
            }
        }
    }

    private void printSummary(PrintWriter out, TrainingOptions options, int trainRows, int heldOutRows,
                              List<LayerMetrics> metrics, ReplacementLoss.Result loss, double seconds) {
        out.printf(Locale.ROOT, "%s %s, %d features/layer, %s k=%d, %d steps, seed %d: trained on %d tokens in"
                        + " %.1f s, evaluated on %d held-out tokens%n", kind, inputHook, options.features(),
                activation, k, steps, seed, trainRows, seconds, heldOutRows);
        out.println("layer  fvu     mean_l0  dead_share");
        for (LayerMetrics m : metrics) {
            out.printf(Locale.ROOT, "%-6d %.4f  %7.2f  %.3f%n", m.layer(), m.fvu(), m.meanL0(), m.deadShare());
        }
        if (loss != null) {
            out.printf(Locale.ROOT, "next-token loss: model %.4f, all MLPs replaced %.4f (%d predictions)%n",
                    loss.originalLoss(), loss.replacedLoss(), loss.predictions());
        }
        out.println("wrote " + output);
    }

    private void writeReport(Path file, TrainingOptions options, Path checkpoint, int trainRows, int heldOutRows,
                             List<LayerMetrics> metrics, ReplacementLoss.Result loss, Instant started,
                             double seconds, int workers) throws IOException {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode run = root.putObject("run");
        String version = CgramCommand.class.getPackage().getImplementationVersion();
        run.put("tool", "cgram " + (version == null ? "(development build)" : version));
        ArrayNode argv = run.putArray("argv");
        spec.commandLine().getParseResult().originalArgs().forEach(argv::add);
        run.put("started", started.toString());
        run.put("java", System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        run.put("threads", workers);
        run.put("train_seconds", Math.round(seconds * 10) / 10.0);
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("checkpoint", checkpoint.getFileName().toString());
        if (Files.isRegularFile(checkpoint)) {
            inputs.put("checkpoint_sha256", FileDigest.sha256(checkpoint));
        }
        if (text != null) {
            inputs.put("text", text.getFileName().toString());
            inputs.put("text_sha256", FileDigest.sha256(text));
        } else {
            inputs.put("sampled_sequences", sequences);
            inputs.put("heldout_sequences", heldOutSequences);
            inputs.put("temperature", temperature);
        }
        inputs.put("seq_len", seqLen);
        inputs.put("train_tokens", trainRows);
        inputs.put("heldout_tokens", heldOutRows);
        ObjectNode config = root.putObject("training");
        config.put("kind", kind);
        config.put("input_hook", inputHook);
        config.put("features", options.features());
        config.put("activation", activation);
        config.put("k", k);
        config.put("l1", l1);
        config.put("steps", steps);
        config.put("batch", batch);
        config.put("learning_rate", learningRate);
        config.put("seed", seed);
        ArrayNode layers = root.putArray("heldout_metrics");
        for (LayerMetrics m : metrics) {
            ObjectNode node = layers.addObject();
            node.put("layer", m.layer());
            node.put("fvu", m.fvu());
            node.put("mean_l0", m.meanL0());
            node.put("dead_share", m.deadShare());
        }
        if (loss != null) {
            ObjectNode l = root.putObject("heldout_next_token_loss");
            l.put("model", loss.originalLoss());
            l.put("mlps_replaced", loss.replacedLoss());
            l.put("predictions", loss.predictions());
        }
        byte[] bytes = YAML.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(file, o -> o.write(bytes));
    }
}
