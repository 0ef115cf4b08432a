package org.circuitgrammar.tracer.attribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.circuitgrammar.corpus.folder.FileDigest;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.circuitgrammar.tracer.model.Hook;
import org.circuitgrammar.tracer.model.LanguageModel;
import org.circuitgrammar.tracer.model.LinearWeights;
import org.circuitgrammar.tracer.model.Llama2cTokenizer;
import org.circuitgrammar.tracer.model.ModelFiles;
import org.circuitgrammar.tracer.prune.GraphPruner;
import org.circuitgrammar.tracer.prune.GraphPruner.Role;
import org.circuitgrammar.tracer.transcoder.Activation;
import org.circuitgrammar.tracer.transcoder.TranscoderFiles;

/**
 * Traces prompts end to end: a model and a transcoder folder are loaded once, then each prompt is tokenized (BOS
 * first, spec §1.2), attributed ({@link Attributor}), pruned and scored ({@link GraphPruner}) and turned into a
 * Neuronpedia graph ({@link GraphExport}) whose metadata records the model, the transcoder set (kind, hooks,
 * activation, every file's SHA-256), the settings, the thresholds and both scores. No timestamps: the same inputs
 * give the same bytes.
 *
 * <p>Not thread-safe (one model, one pass at a time). Close it to free the model's native memory.
 */
public final class Tracer implements AutoCloseable {
    /** Attribution options and the pruning thresholds. */
    public record Settings(Attributor.Options attribution, double nodeThreshold, double edgeThreshold) {
        /** circuit-tracer's defaults: {@link Attributor.Options#DEFAULTS}, node 0.8, edge 0.98. */
        public static final Settings DEFAULTS = new Settings(Attributor.Options.DEFAULTS, 0.8, 0.98);

        public Settings {
            if (!(nodeThreshold >= 0 && nodeThreshold <= 1) || !(edgeThreshold >= 0 && edgeThreshold <= 1)) {
                throw new IllegalArgumentException("thresholds must lie in [0,1]");
            }
        }
    }

    /** One traced prompt: the unpruned attribution, the pruning, the scores and the graph to write. */
    public record TracedPrompt(AttributionResult attribution, GraphPruner.PruneResult pruned,
                               GraphPruner.GraphScores scores, AttributionGraph graph) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LanguageModel model;
    private final LinearWeights weights;
    private final Llama2cTokenizer tokenizer;
    private final TranscoderFiles.Loaded transcoders;
    private final Hook inputHook;
    private final Settings settings;
    private final String toolVersion;
    private final ObjectNode modelInfo;
    private final ObjectNode transcoderInfo;
    private final String variant;
    private final String transcoderSet;

    /**
     * @param modelPath      what {@code --model} names ({@link ModelFiles#locate})
     * @param transcoderDir  a transcoder folder in circuit-tracer's layout
     * @throws InvalidModelFileException for an unreadable model or transcoder, or one that does not fit the model
     */
    public Tracer(Path modelPath, Path transcoderDir, Settings settings, String toolVersion) throws IOException {
        this.settings = settings;
        this.toolVersion = toolVersion;
        ModelFiles files = ModelFiles.locate(modelPath);
        this.transcoders = TranscoderFiles.read(transcoderDir);
        Path config = transcoderDir.resolve(TranscoderFiles.CONFIG_FILE);
        try {
            this.inputHook = Hook.fromTransformerLensName(transcoders.config().featureInputHook());
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(config, "$.feature_input_hook", e.getMessage());
        }
        if (!isMlpOutput(transcoders.config().featureOutputHook())) {
            throw new InvalidModelFileException(config, "$.feature_output_hook",
                    "only the MLP output (hook_mlp_out, mlp.hook_out) can be replaced");
        }
        this.model = files.load();
        try {
            if (model.config().layers() != transcoders.transcoder().layerCount()
                    || model.config().dim() != transcoders.transcoder().dModel()) {
                throw new InvalidModelFileException(transcoderDir, "", "the transcoder has "
                        + transcoders.transcoder().layerCount() + " layers of width " + transcoders.transcoder().dModel()
                        + ", the model " + model.config().layers() + " of width " + model.config().dim());
            }
            this.tokenizer = files.loadTokenizer(model.config().vocabSize());
            this.weights = model.linearWeights();
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        boolean skip = transcoders.transcoder().hasSkip();
        this.variant = transcoders.config().kind() == TranscoderKind.CLT ? "clt" : skip ? "skip-plt" : "plt";
        this.transcoderSet = transcoders.config().modelName() + "/" + transcoderDir.toAbsolutePath().normalize()
                .getFileName();
        this.modelInfo = JSON.createObjectNode().put("name", transcoders.config().modelName())
                .put("file", files.location().getFileName().toString()).put("sha256", FileDigest.sha256(files.location()));
        this.transcoderInfo = describeTranscoders(transcoderDir, skip);
    }

    private static boolean isMlpOutput(String hook) {
        try {
            return Hook.fromTransformerLensName(hook) == Hook.MLP_OUT;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ObjectNode describeTranscoders(Path dir, boolean skip) throws IOException {
        Activation activation = transcoders.transcoder().activation(0);
        ObjectNode t = JSON.createObjectNode().put("set", transcoderSet).put("kind", variant).put("skip", skip)
                .put("feature_input_hook", transcoders.config().featureInputHook())
                .put("feature_output_hook", transcoders.config().featureOutputHook())
                .put("activation", activation.configName());
        if (activation instanceof Activation.TopK topK) t.put("k", topK.k());
        ArrayNode list = t.putArray("files");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".safetensors")
                    || p.getFileName().toString().equals(TranscoderFiles.CONFIG_FILE)).sorted().toList();
        }
        for (Path f : files) {
            list.addObject().put("file", f.getFileName().toString()).put("sha256", FileDigest.sha256(f));
        }
        return t;
    }

    /** {@code clt}, {@code plt} or {@code skip-plt}. */
    public String variant() { return variant; }

    /** The prompt's ids: the tokenizer's, BOS first. */
    public int[] tokenize(String prompt) {
        return PromptReplacement.firstPosition(tokenizer.encode(prompt, false, false), Llama2cTokenizer.BOS,
                Llama2cTokenizer.EOS);
    }

    /** Attributes, prunes, scores and packages one prompt. */
    public TracedPrompt trace(String prompt, String slug) {
        int[] ids = tokenize(prompt);
        Attributor.Options options = settings.attribution();
        PromptReplacement replacement = new PromptReplacement(model, weights, transcoders.transcoder(), inputHook,
                ids, options.maxLogits(), options.desiredLogitProbability());
        AttributionResult attribution = Attributor.attribute(replacement, options);
        int n = attribution.nodeCount();
        Role[] roles = roles(attribution);
        double[] w = attribution.logitWeights();
        float[] adjacency = attribution.adjacencyArray();
        GraphPruner.Analysis analysis = GraphPruner.pruneAndScore(adjacency, n, w, roles, settings.nodeThreshold(),
                settings.edgeThreshold());
        GraphPruner.PruneResult pruned = analysis.pruned();
        GraphPruner.GraphScores scores = analysis.scores();
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int pos = 0; pos < ids.length; pos++) {
            if (pos == 0 && ids[0] == Llama2cTokenizer.BOS) {
                pieces.add("<s>");
                text.append("<s>");
                continue;
            }
            pieces.add(piece(-1, ids[pos]));
            text.append(piece(ids[pos - 1], ids[pos]));
        }
        List<String> targetPieces = new ArrayList<>();
        for (int k = 0; k < replacement.targets.count(); k++) targetPieces.add(piece(-1, replacement.targets.token(k)));
        AttributionGraph graph = GraphExport.toGraph(attribution, pruned, pieces, targetPieces, slug,
                transcoders.config().modelName() + "/" + variant, text.toString(),
                GraphExport.metadataExtras(info(replacement, attribution, scores), generationSettings(),
                        settings.nodeThreshold(), settings.edgeThreshold()));
        return new TracedPrompt(attribution, pruned, scores, graph);
    }

    private String piece(int previous, int token) {
        return new String(tokenizer.decode(previous, token), StandardCharsets.UTF_8);
    }

    static Role[] roles(AttributionResult g) {
        Role[] roles = new Role[g.nodeCount()];
        for (int v = 0; v < roles.length; v++) {
            roles[v] = v < g.featureCount() ? Role.FEATURE : v < g.tokenNode(0) ? Role.ERROR
                    : v < g.logitNode(0) ? Role.TOKEN : Role.LOGIT;
        }
        return roles;
    }

    private ObjectNode info(PromptReplacement replacement, AttributionResult attribution,
                            GraphPruner.GraphScores scores) {
        ObjectNode info = JSON.createObjectNode().put("creator_name", "circuit-grammar");
        info.putArray("source_urls");
        info.put("transcoder_set", transcoderSet).put("transcoder_kind", variant);
        info.putObject("generator").put("name", "circuit-grammar cgram trace").put("version", toolVersion)
                .put("url", "https://github.com/circuit-grammar/circuit-grammar");
        info.set("model", modelInfo.deepCopy());
        info.set("transcoders", transcoderInfo.deepCopy());
        info.putObject("scores").put("replacement_score", scores.replacement())
                .put("completeness_score", scores.completeness());
        info.putObject("features").put("active", replacement.activeCount())
                .put("selected", attribution.featureCount())
                .put("near_threshold", replacement.nearThresholdCount());
        return info;
    }

    private ObjectNode generationSettings() {
        Attributor.Options o = settings.attribution();
        ObjectNode g = JSON.createObjectNode().put("max_n_logits", o.maxLogits())
                .put("desired_logit_prob", o.desiredLogitProbability()).put("batch_size", o.batchSize());
        if (o.maxFeatureNodes() != Integer.MAX_VALUE) g.put("max_feature_nodes", o.maxFeatureNodes()); // absent: all
        return g.put("update_interval", o.updateInterval());
    }

    /**
     * Writes the unpruned graph as {@code .npz}: {@code adjacency [N,N]} (float32, rows = targets),
     * {@code input_tokens}, {@code active_features [n,3]} (layer, position, feature), {@code activation_values},
     * {@code selected_features}, {@code logit_tokens}, {@code logit_probabilities} (float64), and per node
     * {@code node_kind} (0 feature, 1 error, 2 token, 3 logit), {@code node_layer}, {@code node_position},
     * {@code node_feature} (feature index, token id for tokens and logits, −1 for errors).
     */
    public static void dumpNpz(AttributionResult g, Path file) throws IOException {
        PromptReplacement pr = g.prompt();
        int n = g.nodeCount();
        int active = pr.activeCount();
        int[] features = new int[active * 3];
        for (int i = 0; i < active; i++) {
            features[3 * i] = pr.featureLayer[i];
            features[3 * i + 1] = pr.featurePosition[i];
            features[3 * i + 2] = pr.featureIndex[i];
        }
        int[] kind = new int[n];
        int[] layer = new int[n];
        int[] position = new int[n];
        int[] feature = new int[n];
        Role[] roles = roles(g);
        for (int v = 0; v < n; v++) {
            kind[v] = roles[v].ordinal();
            switch (roles[v]) {
                case FEATURE -> {
                    int f = g.selectedFeature(v);
                    layer[v] = pr.featureLayer[f];
                    position[v] = pr.featurePosition[f];
                    feature[v] = pr.featureIndex[f];
                }
                case ERROR -> {
                    layer[v] = (v - g.errorNode(0, 0)) / pr.positions;
                    position[v] = (v - g.errorNode(0, 0)) % pr.positions;
                    feature[v] = -1;
                }
                case TOKEN -> {
                    layer[v] = -1;
                    position[v] = v - g.tokenNode(0);
                    feature[v] = pr.tokens[position[v]];
                }
                case LOGIT -> {
                    layer[v] = pr.layers + 1;
                    position[v] = pr.positions - 1;
                    feature[v] = pr.targets.token(v - g.logitNode(0));
                }
            }
        }
        new NpzWriter().add("adjacency", g.adjacencyArray(), n, n)
                .add("input_tokens", pr.tokens, pr.tokens.length)
                .add("active_features", features, active, 3)
                .add("activation_values", pr.activation.clone(), active)
                .add("selected_features", g.selectedFeatures(), g.featureCount())
                .add("logit_tokens", pr.targets.tokens(), pr.targets.count())
                .add("logit_probabilities", pr.targets.probabilities(), pr.targets.count())
                .add("node_kind", kind, n).add("node_layer", layer, n).add("node_position", position, n)
                .add("node_feature", feature, n)
                .write(file);
    }

    @Override
    public void close() {
        model.close();
    }
}
