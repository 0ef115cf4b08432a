package org.circuitgrammar.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.circuitgrammar.corpus.AtomicWrite;
import org.circuitgrammar.corpus.folder.CorpusEntry;
import org.circuitgrammar.corpus.folder.CorpusScanner;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.json.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cgram corpus scan DIR}: one row per graph file under DIR; a bad file is a row with its reason. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan a folder (recursively, *.json, sorted) and summarise each graph file: model, "
                + "transcoder kind, feature-id encoding, node counts by kind, links, share of negative links, "
                + "feature and logit layers, problems.",
            "A file that cannot be read is a row with its reason; the scan goes on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned (problems are reported, not fatal, without --strict)",
            "1:--strict and some file has a problem", "2:DIR cannot be read, or bad usage"})
public final class CorpusScanCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, json, csv }

    private static final String[] COLUMNS = {"path", "sha256", "readable", "model", "transcoder", "encoding",
        "embeddings", "features", "errors", "logits", "edges", "negative_share", "min_feature_layer",
        "max_feature_layer", "logit_layer", "problem_count", "problems"};

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder to scan")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--strict", description = "exit 1 if any file has a problem")
    boolean strict;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE (atomically) instead of standard output")
    Path output;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println(dir + ": not a readable folder");
            return CgramCommand.EXIT_INPUT;
        }
        List<CorpusEntry> rows;
        try {
            rows = new CorpusScanner().scan(dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println(dir + ": cannot scan: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        try {
            if (output != null) {
                AtomicWrite.write(output, out -> render(rows, out));
            } else {
                StringWriter text = new StringWriter();
                render(rows, text);
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println(output + ": cannot write: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        boolean problems = rows.stream().anyMatch(r -> !r.problems().isEmpty());
        return strict && problems ? CgramCommand.EXIT_FINDING : 0;
    }

    private void render(List<CorpusEntry> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        render(rows, w);
        w.flush();
    }

    private void render(List<CorpusEntry> rows, Writer w) throws IOException {
        switch (format) {
            case table -> table(rows, new PrintWriter(w));
            case csv -> csv(rows, w);
            case json -> json(rows, w);
        }
        w.flush();
    }

    private static List<String> cells(CorpusEntry r) {
        List<String> c = new ArrayList<>();
        c.add(r.path().toString().replace('\\', '/'));
        c.add(r.sha256() == null ? "" : r.sha256());
        c.add(Boolean.toString(r.readable()));
        c.add(r.model() == null ? "" : r.model());
        c.add(r.transcoder().name().toLowerCase(Locale.ROOT));
        c.add(r.encoding().name().toLowerCase(Locale.ROOT));
        for (NodeKind k : NodeKind.values()) {
            c.add(Integer.toString(r.nodes(k)));
        }
        c.add(Integer.toString(r.edges()));
        c.add(String.format(Locale.ROOT, "%.4f", r.negativeEdgeShare()));
        c.add(layer(r.minFeatureLayer()));
        c.add(layer(r.maxFeatureLayer()));
        c.add(layer(r.logitLayer()));
        c.add(Integer.toString(r.problems().size()));
        c.add(String.join(" | ", r.problems().stream().map(CorpusScanCommand::problemText).toList()));
        return c;
    }

    private static String problemText(Problem p) {
        return p.path() + ": " + (p.severity() == Problem.Severity.WARNING ? "warning: " : "") + p.message();
    }

    private static String layer(int layer) {
        return layer == CorpusEntry.NO_LAYER ? "" : Integer.toString(layer);
    }

    private static void csv(List<CorpusEntry> rows, Writer w) throws IOException {
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get());
        for (CorpusEntry r : rows) {
            printer.printRecord(cells(r));
        }
        printer.flush();
    }

    private static void json(List<CorpusEntry> rows, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (CorpusEntry r : rows) {
                g.writeStartObject();
                g.writeStringField("path", r.path().toString().replace('\\', '/'));
                g.writeStringField("sha256", r.sha256());
                g.writeBooleanField("readable", r.readable());
                g.writeStringField("model", r.model());
                g.writeStringField("transcoder", r.transcoder().name().toLowerCase(Locale.ROOT));
                g.writeStringField("encoding", r.encoding().name().toLowerCase(Locale.ROOT));
                g.writeObjectFieldStart("nodes");
                for (NodeKind k : NodeKind.values()) {
                    g.writeNumberField(k.name().toLowerCase(Locale.ROOT), r.nodes(k));
                }
                g.writeEndObject();
                g.writeNumberField("edges", r.edges());
                g.writeNumberField("negative_share", r.negativeEdgeShare());
                layerField(g, "min_feature_layer", r.minFeatureLayer());
                layerField(g, "max_feature_layer", r.maxFeatureLayer());
                layerField(g, "logit_layer", r.logitLayer());
                g.writeArrayFieldStart("problems");
                for (Problem p : r.problems()) {
                    g.writeString(problemText(p));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    private static void layerField(JsonGenerator g, String name, int layer) throws IOException {
        if (layer == CorpusEntry.NO_LAYER) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, layer);
        }
    }

    private static void table(List<CorpusEntry> rows, PrintWriter w) {
        String[] head = {"path", "model", "transcoder", "encoding", "emb", "feat", "err", "logit", "edges", "neg",
            "layers", "problems"};
        List<String[]> lines = new ArrayList<>();
        lines.add(head);
        for (CorpusEntry r : rows) {
            String problems;
            if (!r.readable()) {
                problems = problemText(r.problems().get(0));
            } else {
                problems = r.problems().isEmpty() ? "-" : r.problems().size() + " warning"
                        + (r.problems().size() == 1 ? "" : "s");
            }
            String layers = r.readable() ? layer(r.minFeatureLayer()) + ".." + layer(r.maxFeatureLayer()) + " / "
                    + layer(r.logitLayer()) : "";
            lines.add(new String[] {r.path().toString().replace('\\', '/'), r.model() == null ? "-" : r.model(),
                r.readable() ? r.transcoder().name().toLowerCase(Locale.ROOT) : "-",
                r.readable() ? r.encoding().name().toLowerCase(Locale.ROOT) : "-",
                Integer.toString(r.nodes(NodeKind.EMBEDDING)), Integer.toString(r.nodes(NodeKind.FEATURE)),
                Integer.toString(r.nodes(NodeKind.ERROR)), Integer.toString(r.nodes(NodeKind.LOGIT)),
                Integer.toString(r.edges()), String.format(Locale.ROOT, "%.1f%%", 100 * r.negativeEdgeShare()),
                layers, problems});
        }
        int[] width = new int[head.length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length - 1; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        for (String[] l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                sb.append(i == l.length - 1 ? l[i] : String.format("%-" + width[i] + "s  ", l[i]));
            }
            w.println(sb.toString().stripTrailing());
        }
        w.flush();
    }
}
