package org.circuitgrammar.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.circuitgrammar.motifs.census.TriadClass;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * Runs python-igraph's {@code motifs_randesu(size=3)} (or {@code size=4}) on a graph through
 * {@code scripts/igraph_census_bench.py}, packaged into the jar, for the census benchmarks.
 *
 * @param version igraph's version
 * @param best    fastest of the timed runs, wall seconds
 * @param median  median of the timed runs, wall seconds
 * @param bestCpu fastest of the timed runs, process CPU seconds (robust on a busy machine)
 * @param counts  the 16 counts by igraph isoclass id; −1 where igraph reports NaN (disconnected classes)
 */
record IgraphCensus(String version, double best, double median, double bestCpu, long[] counts) {
    private static final String SCRIPT = "/org/circuitgrammar/cli/bench/igraph_census_bench.py";

    IgraphCensus {
        counts = counts.clone();
    }

    /** True iff {@code python} runs and can import igraph. */
    static boolean available(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import igraph").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes {@code g}'s edge list to a temp file, runs the script {@code runs} times over it and parses the result. */
    static IgraphCensus run(String python, SignedDigraph g, int runs) throws IOException, InterruptedException {
        return run(python, 3, 16, g, runs);
    }

    /** The same for {@code motifs_randesu(size=4)}: 218 counts. */
    static IgraphCensus runQuad(String python, SignedDigraph g, int runs) throws IOException, InterruptedException {
        return run(python, 4, 218, g, runs);
    }

    private static IgraphCensus run(String python, int size, int classes, SignedDigraph g, int runs)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cgram-bench");
        Path edges = dir.resolve("edges.txt");
        Path script = dir.resolve("igraph_bench.py");
        try {
            try (InputStream in = IgraphCensus.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException("bench script missing from the jar: " + SCRIPT);
                }
                Files.copy(in, script);
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(edges, StandardCharsets.US_ASCII))) {
                w.println(g.nodeCount());
                int[] off = g.rawOutOffsets();
                int[] adj = g.rawOutTargets();
                for (int s = 0; s < g.nodeCount(); s++) {
                    for (int i = off[s]; i < off[s + 1]; i++) {
                        w.print(s);
                        w.print(' ');
                        w.println(adj[i]);
                    }
                }
            }
            Process p = new ProcessBuilder(python, script.toString(), edges.toString(), Integer.toString(runs),
                    Integer.toString(size))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("igraph bench script failed: " + output.strip());
            }
            return parse(output, classes);
        } finally {
            Files.deleteIfExists(edges);
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    static IgraphCensus parse(String output) throws IOException {
        return parse(output, 16);
    }

    private static IgraphCensus parse(String output, int classes) throws IOException {
        List<String[]> lines = output.lines().map(l -> l.trim().split("\\s+")).toList();
        if (lines.size() < 4 || !lines.get(0)[0].equals("igraph") || !lines.get(1)[0].equals("seconds")
                || !lines.get(2)[0].equals("cpu") || !lines.get(3)[0].equals("counts")
                || lines.get(3).length != classes + 1) {
            throw new IOException("unexpected igraph bench output: " + output.strip());
        }
        long[] counts = new long[classes];
        for (int i = 0; i < classes; i++) {
            String c = lines.get(3)[i + 1];
            counts[i] = c.equals("nan") ? -1 : Long.parseLong(c);
        }
        return new IgraphCensus(lines.get(0)[1], Double.parseDouble(lines.get(1)[1]),
                Double.parseDouble(lines.get(1)[2]), Double.parseDouble(lines.get(2)[1]), counts);
    }

    /** True iff igraph's count of every connected class equals ours ({@code triads} in {@link TriadClass} order). */
    boolean agreesWith(long[] triads) {
        for (TriadClass c : TriadClass.values()) {
            if (c.connected() && counts[c.igraphId()] != triads[c.ordinal()]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IgraphCensus i && version.equals(i.version) && best == i.best && median == i.median
                && bestCpu == i.bestCpu && Arrays.equals(counts, i.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "IgraphCensus[" + version + ", best " + best + " s, counts " + Arrays.toString(counts) + "]";
    }
}
