package org.circuitgrammar.tracer.transcoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.tracer.io.FloatTensor;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.circuitgrammar.tracer.io.SafetensorsFile;
import org.circuitgrammar.tracer.io.SafetensorsReader;
import org.circuitgrammar.tracer.io.SafetensorsWriter;
import org.circuitgrammar.tracer.io.TensorDType;

/**
 * Reads and writes transcoder folders in circuit-tracer's native layout (spec §4.1–4.2), so that transcoders
 * trained here load there and the other way round.
 *
 * <ul>
 *   <li>PLT: {@code layer_{i}.safetensors} with {@code W_enc [F,d]}, {@code b_enc [F]}, {@code W_dec [F,d]},
 *       {@code b_dec [d]}, optional {@code activation_function.threshold [F]} (⇒ JumpReLU), {@code W_skip [d,d]}
 *       and, for TopK, a scalar {@code k}; or the files the config's {@code transcoders} list names.</li>
 *   <li>CLT: {@code W_enc_{i}.safetensors} ({@code W_enc_i [F,d]}, {@code b_enc_i}, {@code b_dec_i},
 *       optional {@code threshold_i}) and {@code W_dec_{i}.safetensors} ({@code W_dec_i [F, L−i, d]}); {@code L}
 *       is the number of {@code W_enc_*} files.</li>
 *   <li>{@code config.yaml}: {@code model_name}, {@code model_kind}, {@code feature_input_hook},
 *       {@code feature_output_hook}, and {@code activation} / {@code k} / {@code transcoders} when they apply.
 *       JumpReLU is not named: circuit-tracer infers it from the threshold tensors.</li>
 * </ul>
 * Every file is written atomically, {@code config.yaml} last (it marks a complete folder). Read errors are
 * {@link InvalidModelFileException}s naming the file and the tensor or YAML key.
 */
public final class TranscoderFiles {
    public static final String CONFIG_FILE = "config.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TranscoderFiles() {
    }

    /** A transcoder and the config it was read with or is to be written with. */
    public record Loaded(TranscoderConfig config, Transcoder transcoder) {
    }

    /**
     * Writes {@code transcoder} into {@code dir} with the given model name and hooks.
     *
     * @throws IllegalArgumentException if the layers mix activation kinds (the config has one)
     */
    public static TranscoderConfig write(Path dir, Transcoder transcoder, String modelName, String inputHook,
                                         String outputHook) throws IOException {
        Activation first = transcoder.activation(0);
        for (int l = 1; l < transcoder.layerCount(); l++) {
            if (!transcoder.activation(l).configName().equals(first.configName())) {
                throw new IllegalArgumentException("layers mix activation functions");
            }
        }
        Integer k = first instanceof Activation.TopK topK ? topK.k() : null;
        String activation = first instanceof Activation.JumpRelu ? null : first.configName();
        TranscoderConfig config = new TranscoderConfig(modelName, transcoder.kind(), inputHook, outputHook,
                activation, k, List.of());
        Files.createDirectories(dir);
        if (transcoder instanceof TranscoderSet set) {
            for (int l = 0; l < set.layerCount(); l++) {
                writeLayer(dir.resolve("layer_" + l + ".safetensors"), set.layer(l));
            }
        } else if (transcoder instanceof CrossLayerTranscoder clt) {
            writeCrossLayer(dir, clt);
        } else {
            throw new IllegalArgumentException("cannot write " + transcoder.getClass().getName());
        }
        writeConfig(dir.resolve(CONFIG_FILE), config);
        return config;
    }

    private static void writeLayer(Path file, SingleLayerTranscoder t) throws IOException {
        int f = t.featureCount();
        int d = t.dModel();
        SafetensorsWriter w = new SafetensorsWriter()
                .add("W_enc", new FloatTensor(new int[] {f, d}, t.encoderWeights()), TensorDType.F32)
                .add("b_enc", new FloatTensor(new int[] {f}, t.encoderBias()), TensorDType.F32)
                .add("W_dec", new FloatTensor(new int[] {f, d}, t.decoderWeights()), TensorDType.F32)
                .add("b_dec", new FloatTensor(new int[] {d}, t.decoderBias()), TensorDType.F32);
        if (t.activation() instanceof Activation.JumpRelu jump) {
            w.add("activation_function.threshold", new FloatTensor(new int[] {f}, jump.thresholds()),
                    TensorDType.F32);
        }
        if (t.activation() instanceof Activation.TopK topK) {
            w.add("k", new FloatTensor(new int[0], new float[] {topK.k()}), TensorDType.I64);
        }
        if (t.hasSkip()) {
            w.add("W_skip", new FloatTensor(new int[] {d, d}, t.skipWeights()), TensorDType.F32);
        }
        w.write(file);
    }

    private static void writeCrossLayer(Path dir, CrossLayerTranscoder clt) throws IOException {
        int layers = clt.layerCount();
        int d = clt.dModel();
        for (int l = 0; l < layers; l++) {
            int f = clt.featureCount(l);
            SafetensorsWriter enc = new SafetensorsWriter()
                    .add("W_enc_" + l, new FloatTensor(new int[] {f, d}, clt.encoderWeights(l)), TensorDType.F32)
                    .add("b_enc_" + l, new FloatTensor(new int[] {f}, clt.encoderBias(l)), TensorDType.F32)
                    .add("b_dec_" + l, new FloatTensor(new int[] {d}, clt.decoderBias(l)), TensorDType.F32);
            if (clt.activation(l) instanceof Activation.JumpRelu jump) {
                enc.add("threshold_" + l, new FloatTensor(new int[] {f}, jump.thresholds()), TensorDType.F32);
            }
            enc.write(dir.resolve("W_enc_" + l + ".safetensors"));
            new SafetensorsWriter()
                    .add("W_dec_" + l, new FloatTensor(new int[] {f, layers - l, d}, clt.decoderWeights(l)),
                            TensorDType.F32)
                    .write(dir.resolve("W_dec_" + l + ".safetensors"));
        }
    }

    private static void writeConfig(Path file, TranscoderConfig config) throws IOException {
        ObjectNode root = YAML.createObjectNode();
        root.put("model_name", config.modelName());
        root.put("model_kind", config.modelKind());
        root.put("feature_input_hook", config.featureInputHook());
        root.put("feature_output_hook", config.featureOutputHook());
        if (config.activation() != null) {
            root.put("activation", config.activation());
        }
        if (config.k() != null) {
            root.put("k", config.k());
        }
        if (!config.transcoders().isEmpty()) {
            config.transcoders().forEach(root.putArray("transcoders")::add);
        }
        byte[] text = YAML.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(file, out -> out.write(text));
    }

    /** Reads {@code dir/config.yaml}. */
    public static TranscoderConfig readConfig(Path dir) throws IOException {
        Path file = dir.resolve(CONFIG_FILE);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidModelFileException(file, "", "no such file");
        } catch (IOException e) {
            throw new InvalidModelFileException(file, "", "not YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidModelFileException(file, "$", "expected a mapping");
        }
        String kindName = requiredText(file, root, "model_kind");
        TranscoderKind kind;
        try {
            kind = TranscoderConfig.kindOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(file, "$.model_kind", e.getMessage());
        }
        List<String> paths = new ArrayList<>();
        JsonNode list = root.get("transcoders");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new InvalidModelFileException(file, "$.transcoders", "expected a list of paths");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    throw new InvalidModelFileException(file, "$.transcoders[" + i + "]", "expected a path");
                }
                paths.add(list.get(i).asText());
            }
        }
        JsonNode k = root.get("k");
        if (k != null && !k.isNull() && !k.canConvertToInt()) {
            throw new InvalidModelFileException(file, "$.k", "expected an integer");
        }
        JsonNode activation = root.get("activation");
        try {
            return new TranscoderConfig(requiredText(file, root, "model_name"), kind,
                    requiredText(file, root, "feature_input_hook"), requiredText(file, root, "feature_output_hook"),
                    activation == null || activation.isNull() ? null : activation.asText().toLowerCase(),
                    k == null || k.isNull() ? null : k.asInt(), paths);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(file, "$.activation", e.getMessage());
        }
    }

    private static String requiredText(Path file, JsonNode root, String key) throws InvalidModelFileException {
        JsonNode node = root.get(key);
        if (node == null || !node.isValueNode() || node.isNull()) {
            throw new InvalidModelFileException(file, "$." + key, "missing or not a string");
        }
        return node.asText();
    }

    /** Reads a transcoder folder: its config and the PLT or CLT files. */
    public static Loaded read(Path dir) throws IOException {
        TranscoderConfig config = readConfig(dir);
        Transcoder transcoder = config.kind() == TranscoderKind.CLT ? readCrossLayer(dir, config)
                : readSet(dir, config);
        return new Loaded(config, transcoder);
    }

    private static TranscoderSet readSet(Path dir, TranscoderConfig config) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!config.transcoders().isEmpty()) {
            for (String p : config.transcoders()) {
                if (p.startsWith("hf://")) {
                    throw new InvalidModelFileException(dir.resolve(CONFIG_FILE), "$.transcoders",
                            "remote paths cannot be fetched offline: " + p);
                }
                files.add(dir.resolve(p));
            }
        } else {
            for (int l = 0; Files.exists(dir.resolve("layer_" + l + ".safetensors")); l++) {
                files.add(dir.resolve("layer_" + l + ".safetensors"));
            }
        }
        if (files.isEmpty()) {
            throw new InvalidModelFileException(dir, "", "no layer_0.safetensors and no transcoders list");
        }
        List<SingleLayerTranscoder> layers = new ArrayList<>();
        for (Path file : files) {
            layers.add(readLayer(file, config));
        }
        try {
            return new TranscoderSet(layers);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(dir, "", e.getMessage());
        }
    }

    private static SingleLayerTranscoder readLayer(Path file, TranscoderConfig config) throws IOException {
        SafetensorsFile st = SafetensorsReader.read(file);
        FloatTensor bEnc = tensor(file, st, "b_enc", 1);
        FloatTensor bDec = tensor(file, st, "b_dec", 1);
        int f = bEnc.dim(0);
        int d = bDec.dim(0);
        float[] wEnc = shaped(file, st, "W_enc", f, d);
        float[] wDec = shaped(file, st, "W_dec", f, d);
        float[] skip = st.contains("W_skip") ? shaped(file, st, "W_skip", d, d) : null;
        float[] threshold = st.contains("activation_function.threshold")
                ? shaped(file, st, "activation_function.threshold", f) : null;
        Activation activation = activationOf(file, config, threshold, fileK(file, st));
        return new SingleLayerTranscoder(wEnc, bEnc.toArray(), wDec, bDec.toArray(), skip, activation);
    }

    private static CrossLayerTranscoder readCrossLayer(Path dir, TranscoderConfig config) throws IOException {
        int layers = 0;
        while (Files.exists(dir.resolve("W_enc_" + layers + ".safetensors"))) {
            layers++;
        }
        if (layers == 0) {
            throw new InvalidModelFileException(dir, "", "no W_enc_0.safetensors");
        }
        float[][] enc = new float[layers][];
        float[][] encBias = new float[layers][];
        float[][] dec = new float[layers][];
        float[][] decBias = new float[layers][];
        List<Activation> activations = new ArrayList<>();
        int d = -1;
        for (int l = 0; l < layers; l++) {
            Path encFile = dir.resolve("W_enc_" + l + ".safetensors");
            SafetensorsFile st = SafetensorsReader.read(encFile);
            FloatTensor bEnc = tensor(encFile, st, "b_enc_" + l, 1);
            FloatTensor bDec = tensor(encFile, st, "b_dec_" + l, 1);
            int f = bEnc.dim(0);
            if (d >= 0 && bDec.dim(0) != d) {
                throw new InvalidModelFileException(encFile, "b_dec_" + l, "width " + bDec.dim(0) + " != " + d);
            }
            d = bDec.dim(0);
            enc[l] = shaped(encFile, st, "W_enc_" + l, f, d);
            encBias[l] = bEnc.toArray();
            decBias[l] = bDec.toArray();
            float[] threshold = st.contains("threshold_" + l) ? shaped(encFile, st, "threshold_" + l, f) : null;
            activations.add(activationOf(encFile, config, threshold, null));
            Path decFile = dir.resolve("W_dec_" + l + ".safetensors");
            if (!Files.exists(decFile)) {
                throw new InvalidModelFileException(decFile, "", "no such file");
            }
            dec[l] = shaped(decFile, SafetensorsReader.read(decFile), "W_dec_" + l, f, layers - l, d);
        }
        return new CrossLayerTranscoder(enc, encBias, dec, decBias, activations);
    }

    /** The scalar {@code k} a layer file holds (circuit-tracer saves it for TopK), or null. */
    private static Integer fileK(Path file, SafetensorsFile st) throws InvalidModelFileException {
        if (!st.contains("k")) {
            return null;
        }
        FloatTensor k = st.tensor("k");
        if (k.size() != 1 || k.get(0) != Math.rint(k.get(0)) || k.get(0) < 1) {
            throw new InvalidModelFileException(file, "k", "expected one integer >= 1, got shape "
                    + Arrays.toString(k.shape()));
        }
        return (int) k.get(0);
    }

    /**
     * The config's activation, else JumpReLU when a threshold tensor exists, else ReLU (circuit-tracer's rule). TopK
     * takes the config's {@code k}, else the file's; when both are given they must agree.
     */
    private static Activation activationOf(Path file, TranscoderConfig config, float[] threshold, Integer fileK)
            throws InvalidModelFileException {
        String name = config.activation() != null ? config.activation() : threshold != null ? "jumprelu" : "relu";
        return switch (name) {
            case "topk" -> {
                if (config.k() != null && fileK != null && !config.k().equals(fileK)) {
                    throw new InvalidModelFileException(file, "k", "the file says k = " + fileK + ", config.yaml says "
                            + config.k());
                }
                Integer k = config.k() != null ? config.k() : fileK;
                if (k == null) {
                    throw new InvalidModelFileException(file, "k", "activation topk needs k in config.yaml or in the"
                            + " layer file");
                }
                yield new Activation.TopK(k);
            }
            case "relu" -> new Activation.Relu();
            default -> {
                if (threshold == null) {
                    throw new InvalidModelFileException(file, "threshold", "JumpReLU needs a threshold tensor");
                }
                yield new Activation.JumpRelu(threshold);
            }
        };
    }

    private static FloatTensor tensor(Path file, SafetensorsFile st, String name, int rank)
            throws InvalidModelFileException {
        if (!st.contains(name)) {
            throw new InvalidModelFileException(file, name, "missing tensor");
        }
        FloatTensor t = st.tensor(name);
        if (t.rank() != rank) {
            throw new InvalidModelFileException(file, name, "expected rank " + rank + ", got shape "
                    + Arrays.toString(t.shape()));
        }
        return t;
    }

    private static float[] shaped(Path file, SafetensorsFile st, String name, int... shape)
            throws InvalidModelFileException {
        FloatTensor t = tensor(file, st, name, shape.length);
        if (!Arrays.equals(t.shape(), shape)) {
            throw new InvalidModelFileException(file, name, "expected shape " + Arrays.toString(shape)
                    + ", got " + Arrays.toString(t.shape()));
        }
        return t.toArray();
    }
}
