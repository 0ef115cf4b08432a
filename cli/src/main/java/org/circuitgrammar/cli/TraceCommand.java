package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.corpus.json.GraphWriter;
import org.circuitgrammar.tracer.attribution.Attributor;
import org.circuitgrammar.tracer.attribution.InterventionCheck;
import org.circuitgrammar.tracer.attribution.Tracer;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cgram trace}: attribution graphs of one prompt or of a prompt file, written as Neuronpedia JSON (one file per
 * prompt, {@code OUT/<slug>.json}) plus {@code OUT/trace-summary.csv}. The work is {@link Tracer}'s; this class
 * parses options, resolves the shipped transcoder names, skips prompts already traced (resume) and prints.
 */
@Command(name = "trace",
        description = {"Trace attribution graphs with a model and its transcoders (exact direct effects in the frozen"
                + " replacement model, pruned as circuit-tracer prunes).",
            "--transcoders takes a folder or a shipped set: clt, plt (skip-PLT) or plain-plt.",
            "--prompts FILE: one prompt per line, 'slug<TAB>prompt' or just the prompt; blank lines and # comments"
                + " are skipped. Prompts whose OUT/<slug>.json exists are not traced again (resume)."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
public final class TraceCommand implements Callable<Integer> {
    /** Largest acceptable --verify error. */
    static final double VERIFY_TOLERANCE = 1e-4;
    /** Where the shipped transcoder sets live, relative to the project root. */
    static final String SHIPPED = "models/stories260K-transcoders";
    private static final List<String> SHIPPED_NAMES = List.of("clt", "plt", "plain-plt");

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "the model (see cgram model generate)")
    Path model;

    @Option(names = "--transcoders", required = true, paramLabel = "DIR|clt|plt|plain-plt",
            description = "a transcoder folder in circuit-tracer's layout, or a shipped set")
    String transcoders;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--prompt", paramLabel = "TEXT", description = "one prompt")
        String prompt;

        @Option(names = "--prompts", paramLabel = "FILE", description = "a file of prompts")
        Path prompts;
    }

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output folder")
    Path output;

    @Option(names = "--slug", paramLabel = "NAME", description = "file name and slug for --prompt (default: from"
            + " the text)")
    String slug;

    @Option(names = "--node-threshold", defaultValue = "0.8", description = "cumulative influence of the kept nodes"
            + " (default ${DEFAULT-VALUE})")
    double nodeThreshold;

    @Option(names = "--edge-threshold", defaultValue = "0.98", description = "cumulative score of the kept edges"
            + " (default ${DEFAULT-VALUE})")
    double edgeThreshold;

    @Option(names = "--max-logits", defaultValue = "10", description = "most logit targets (default ${DEFAULT-VALUE})")
    int maxLogits;

    @Option(names = "--logit-probability", defaultValue = "0.95", description = "cumulative probability of the logit"
            + " targets (default ${DEFAULT-VALUE})")
    double logitProbability;

    @Option(names = "--max-feature-nodes", paramLabel = "N", description = "most feature nodes, chosen by influence"
            + " (default: all active features)")
    Integer maxFeatureNodes;

    @Option(names = "--batch-size", defaultValue = "256", description = "rows per backward pass (default"
            + " ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--verify", arity = "0..1", fallbackValue = "200", paramLabel = "N",
            description = "re-check N sampled sources per prompt by intervention in float64, and the sum rule;"
                + " exit 1 above " + VERIFY_TOLERANCE + " (N default 200)")
    Integer verify;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the --verify sample (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dump-npz", paramLabel = "FILE|DIR", description = "also write the unpruned adjacency and node"
            + " tables: to FILE for --prompt, to DIR/<slug>.npz for --prompts")
    Path dumpNpz;

    private record Prompt(String slug, String text) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Prompt> prompts;
        Tracer.Settings settings;
        Path transcoderDir;
        try {
            prompts = input.prompt != null ? List.of(new Prompt(slug != null ? slug : slugOf(input.prompt),
                    input.prompt)) : readPrompts(input.prompts);
            settings = new Tracer.Settings(new Attributor.Options(maxLogits, logitProbability, batchSize,
                    maxFeatureNodes == null ? Integer.MAX_VALUE : maxFeatureNodes, 4), nodeThreshold, edgeThreshold);
            if (verify != null && verify < 1) throw new IllegalArgumentException("--verify needs N >= 1");
            transcoderDir = resolveTranscoders(transcoders);
        } catch (IllegalArgumentException e) {
            err.println("cgram trace: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        } catch (IOException e) {
            err.println(message(e));
            return CgramCommand.EXIT_INPUT;
        }
        String version = CgramCommand.class.getPackage().getImplementationVersion();
        try (Tracer tracer = new Tracer(model, transcoderDir, settings,
                "cgram " + (version == null ? "(development build)" : version))) {
            Files.createDirectories(output);
            List<String> summary = new ArrayList<>();
            summary.add("slug,transcoder,tokens,active_features,feature_nodes,nodes,links,replacement_score,"
                    + "completeness_score,verify_max_relative_error");
            double worst = 0;
            int skipped = 0;
            try (ProgressBar bar = progressBar(prompts.size(), err)) {
                for (Prompt p : prompts) {
                    Path file = output.resolve(p.slug() + ".json");
                    if (input.prompts != null && Files.exists(file)) {
                        summary.add(summaryOfWritten(file, p.slug()));
                        skipped++;
                        if (bar != null) bar.step();
                        continue;
                    }
                    Tracer.TracedPrompt traced;
                    try {
                        traced = tracer.trace(p.text(), p.slug());
                    } catch (IllegalArgumentException e) {
                        err.println((input.prompts != null ? input.prompts + ": " + p.slug() : "--prompt") + ": "
                                + e.getMessage());
                        return CgramCommand.EXIT_INPUT;
                    }
                    new GraphWriter().write(traced.graph(), file);
                    if (dumpNpz != null) {
                        Path npz = input.prompts == null ? dumpNpz : dumpNpz.resolve(p.slug() + ".npz");
                        if (input.prompts != null) Files.createDirectories(dumpNpz);
                        Tracer.dumpNpz(traced.attribution(), npz);
                    }
                    String verified = "";
                    if (verify != null) {
                        InterventionCheck.Result check = InterventionCheck.check(traced.attribution(), verify, seed);
                        worst = Math.max(worst, check.worst());
                        verified = String.format(Locale.ROOT, "%.3e", check.worst());
                    }
                    summary.add(String.join(",", p.slug(), tracer.variant(),
                            Integer.toString(traced.attribution().prompt().positions()),
                            Integer.toString(traced.attribution().prompt().activeCount()),
                            Integer.toString(traced.attribution().featureCount()),
                            Integer.toString(traced.graph().nodeCount()), Integer.toString(traced.graph().edgeCount()),
                            String.format(Locale.ROOT, "%.6f", traced.scores().replacement()),
                            String.format(Locale.ROOT, "%.6f", traced.scores().completeness()), verified));
                    if (bar != null) bar.step();
                    if (input.prompt != null) {
                        out.printf(Locale.ROOT, "%s: %d nodes, %d links, replacement %.4f, completeness %.4f%n", file,
                                traced.graph().nodeCount(), traced.graph().edgeCount(), traced.scores().replacement(),
                                traced.scores().completeness());
                    }
                }
            }
            if (input.prompts != null) {
                byte[] csv = (String.join("\n", summary) + "\n").getBytes(StandardCharsets.UTF_8);
                Path summaryFile = output.resolve("trace-summary.csv");
                AtomicWrite.write(summaryFile, o -> o.write(csv));
                out.printf(Locale.ROOT, "traced %d prompts (%d already done) into %s; summary %s%n",
                        prompts.size() - skipped, skipped, output, summaryFile);
            }
            if (verify != null) {
                out.printf(Locale.ROOT, "verify: max relative error %.3e%n", worst);
                return worst <= VERIFY_TOLERANCE ? 0 : CgramCommand.EXIT_FINDING;
            }
            return 0;
        } catch (IOException e) {
            err.println(message(e));
            return CgramCommand.EXIT_INPUT;
        }
    }

    /** The summary row of a graph written by an earlier run, from its JSON (no verify column). */
    private static String summaryOfWritten(Path file, String slug) throws IOException {
        org.circuitgrammar.corpus.graph.AttributionGraph g;
        try {
            g = new org.circuitgrammar.corpus.json.GraphReader().read(file);
        } catch (org.circuitgrammar.corpus.InvalidGraphException e) {
            throw new IOException(file + ": cannot resume from it: " + e.getMessage(), e);
        }
        com.fasterxml.jackson.databind.JsonNode info = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(g.metadata().extra().getOrDefault("$.metadata.info", "{}"));
        return String.join(",", slug, info.path("transcoder_kind").asText(),
                Integer.toString(g.metadata().promptTokens().size()),
                info.path("features").path("active").asText(), info.path("features").path("selected").asText(),
                Integer.toString(g.nodeCount()), Integer.toString(g.edgeCount()),
                String.format(Locale.ROOT, "%.6f", info.path("scores").path("replacement_score").asDouble()),
                String.format(Locale.ROOT, "%.6f", info.path("scores").path("completeness_score").asDouble()), "");
    }

    private static String message(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": " + (n.getReason() == null ? "no such file" : n.getReason());
        }
        return e instanceof InvalidModelFileException ? e.getMessage() : "cgram trace: " + e;
    }

    /** The prompts of a file; a line without a slug gets {@code p<line>-<words>}. */
    private static List<Prompt> readPrompts(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Prompt> prompts = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            String slug = tab >= 0 ? line.substring(0, tab).strip() : String.format(Locale.ROOT, "p%03d-%s", i + 1,
                    slugOf(line));
            String text = tab >= 0 ? line.substring(tab + 1) : line;
            if (!slug.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || text.isBlank()) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected 'slug<TAB>prompt' with a"
                        + " slug of letters, digits, '.', '_' or '-'");
            }
            if (!slugs.add(slug)) throw new IllegalArgumentException(file + ": line " + (i + 1) + ": slug " + slug
                    + " used twice");
            prompts.add(new Prompt(slug, text));
        }
        if (prompts.isEmpty()) throw new IllegalArgumentException(file + ": no prompts");
        return prompts;
    }

    /** Lower-case words joined by '-', at most 40 characters. */
    static String slugOf(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "prompt" : s;
    }

    /** A folder as given, else a shipped set under the project root ({@code cgram.home}, or the jar's root). */
    static Path resolveTranscoders(String name) throws NoSuchFileException {
        Path given = Path.of(name);
        if (Files.isDirectory(given)) return given;
        if (SHIPPED_NAMES.contains(name)) {
            for (Path root : projectRoots()) {
                Path dir = root.resolve(SHIPPED).resolve(name);
                if (Files.isDirectory(dir)) return dir;
            }
        }
        throw new NoSuchFileException(name, null, "no such transcoder folder (shipped sets: " + SHIPPED_NAMES + ")");
    }

    private static List<Path> projectRoots() {
        List<Path> roots = new ArrayList<>();
        String home = System.getProperty("cgram.home");
        if (home != null) roots.add(Path.of(home));
        try {
            Path jar = Path.of(TraceCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path up = jar.getParent() == null ? null : jar.getParent().getParent();
            if (up != null && up.getParent() != null) roots.add(up.getParent());
        } catch (URISyntaxException | SecurityException e) {
            // no code source: fall back to the working directory
        }
        roots.add(Path.of("."));
        roots.add(Path.of(".."));
        return roots;
    }

    private static ProgressBar progressBar(long max, PrintWriter err) {
        if (System.console() == null) return null;
        return new ProgressBarBuilder().setTaskName("tracing").setInitialMax(max)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }))
                .build();
    }
}
