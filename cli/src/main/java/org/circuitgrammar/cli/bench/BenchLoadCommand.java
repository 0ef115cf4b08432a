package org.circuitgrammar.cli.bench;

import org.circuitgrammar.cli.CgramCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.json.FeatureIds;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.json.GraphWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cgram bench load [FILE]}: times {@link GraphReader#read} on a file, or on a synthetic graph of about
 * {@code --synthetic-mb} megabytes written by {@link GraphWriter} into a temp file. The first half of the repeats
 * is warm-up; the median and minimum of the second half are the result.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Time reading a graph JSON file (default: a synthetic ~30 MB graph made with the writer).",
            "Prints each repeat's time, then the median and minimum after warm-up (the first half)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:the file cannot be read, or bad usage"})
public final class BenchLoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "graph file (default: synthetic)")
    Path file;

    @Option(names = "--repeat", defaultValue = "20", paramLabel = "N",
            description = "number of timed reads (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--synthetic-mb", defaultValue = "30", paramLabel = "MB",
            description = "size of the synthetic graph when no FILE is given (default: ${DEFAULT-VALUE})")
    int syntheticMb;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic graph (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (repeat < 2 || syntheticMb < 1) {
            spec.commandLine().getErr().println("--repeat must be at least 2 and --synthetic-mb at least 1");
            return CgramCommand.EXIT_INPUT;
        }
        Path target = file;
        Path tmpDir = null;
        if (target == null) {
            tmpDir = Files.createTempDirectory("cgram-bench");
            target = tmpDir.resolve("synthetic.json");
            new GraphWriter().write(synthetic(syntheticMb * 1_000_000L, seed), target);
        }
        try {
            long bytes = Files.size(target);
            out.printf(Locale.ROOT, "file %s, %.1f MB%n", file == null ? "synthetic (seed " + seed + ")" : target,
                    bytes / 1e6);
            GraphReader reader = new GraphReader();
            double[] ms = new double[repeat];
            AttributionGraph g = null;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                g = reader.read(target);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                out.printf(Locale.ROOT, "read %2d: %8.1f ms%n", i + 1, ms[i]);
            }
            double[] warm = Arrays.copyOfRange(ms, repeat / 2, repeat);
            Arrays.sort(warm);
            double median = warm.length % 2 == 1 ? warm[warm.length / 2]
                    : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
            out.printf(Locale.ROOT, "%d nodes, %d links; after warm-up: median %.1f ms, min %.1f ms, %.0f MB/s%n",
                    g.nodeCount(), g.edgeCount(), median, warm[0], bytes / 1e3 / median);
            return 0;
        } catch (InvalidGraphException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CgramCommand.EXIT_INPUT;
        } finally {
            if (tmpDir != null) {
                Files.deleteIfExists(target);
                Files.deleteIfExists(tmpDir);
            }
        }
    }

    /**
     * A circuit-tracer-shaped graph of about {@code bytes} bytes of JSON: 26 layers × 12 positions, one feature
     * node per 40 links, links from lower to higher layers with signed weights (seeded).
     */
    static AttributionGraph synthetic(long bytes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long links = bytes / 76; // measured: ~76 bytes of JSON per link, nodes included
        int features = (int) Math.max(100, links / 40);
        int positions = 12;
        AttributionGraph.Builder b = AttributionGraph.builder(new GraphMetadata("synthetic", "gemma-2-2b",
                "gemma-2-2b", TranscoderKind.CLT, "synthetic", List.of(), null));
        for (int p = 0; p < positions; p++) {
            b.addNode("E_" + (1000 + p) + "_" + p, NodeKind.EMBEDDING, -1, p).feature(p).activation(Double.NaN);
        }
        int[] layerOf = new int[positions + features + positions];
        Arrays.fill(layerOf, 0, positions, -1);
        for (int i = 0; i < features; i++) {
            int layer = r.nextInt(26);
            int pos = r.nextInt(positions);
            int idx = r.nextInt(16384);
            int v = b.addNode(layer + "_" + idx + "_" + pos, NodeKind.FEATURE, layer, pos)
                    .featureType("cross layer transcoder").feature(FeatureIds.cantor(layer, idx)).featureIndex(idx)
                    .activation(r.nextDouble() * 10).influence(r.nextDouble()).label("").index();
            layerOf[v] = layer;
        }
        for (int p = 0; p < positions; p++) {
            int v = b.addNode("27_" + (500 + p) + "_" + (positions - 1), NodeKind.LOGIT, 27, positions - 1)
                    .feature(500 + p).tokenProb(r.nextDouble()).index();
            layerOf[v] = 27;
        }
        int n = b.nodeCount();
        for (long e = 0; e < links; e++) {
            int s;
            int t;
            do {
                s = r.nextInt(n);
                t = r.nextInt(n);
            } while (layerOf[s] >= layerOf[t]);
            b.addEdge(s, t, r.nextGaussian());
        }
        return b.build();
    }
}
