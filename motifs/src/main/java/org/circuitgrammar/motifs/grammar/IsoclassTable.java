package org.circuitgrammar.motifs.grammar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Isomorphism classes of directed graphs on 3 or 4 labelled nodes (no self-loops): a table from every
 * {@link AdjacencyMask} (2^6 or 2^12 of them) to a class id, and per class its canonical mask and igraph's id.
 *
 * <p>Class of a mask: its canonical form, the smallest mask among its {@code k!} relabellings. Our class ids number
 * the classes by (edge count, canonical mask) ascending, so they are stable and need no external table; size 3 has
 * 16 classes, size 4 has 218. igraph numbers the same classes differently ({@code Graph.Isoclass(k, id,
 * directed=True)}); {@link #igraphId} maps ours to igraph's, read from {@code igraph-isoclass-k.tsv}, which
 * {@code scripts/igraph_isoclass_table.py} wrote with python3-igraph. The test re-derives the partition with JGraphT's
 * VF2 isomorphism inspector.
 *
 * <p>Built once at class initialisation ({@code 4096 x 24} relabellings); immutable and thread-safe afterwards.
 */
public final class IsoclassTable {
    /** Directed graphs on 3 nodes: 16 classes. */
    public static final IsoclassTable SIZE3 = new IsoclassTable(3);
    /** Directed graphs on 4 nodes: 218 classes. */
    public static final IsoclassTable SIZE4 = new IsoclassTable(4);

    private final int size;
    private final int[][] permutations;
    private final short[] classOfMask;
    private final int[] canonicalMask;
    private final int[] igraphId;
    private final int[] ourIdOfIgraph;

    private IsoclassTable(int size) {
        this.size = size;
        int masks = 1 << (size * (size - 1));
        int[][] perms = AdjacencyMask.permutations(size);
        this.permutations = perms;
        int[] canonical = new int[masks];
        for (int m = 0; m < masks; m++) {
            int best = m;
            for (int[] p : perms) {
                best = Math.min(best, AdjacencyMask.relabel(m, p));
            }
            canonical[m] = best;
        }
        int[] reps = Arrays.stream(canonical).distinct().boxed()
                .sorted((a, b) -> a.equals(b) ? 0
                        : Integer.bitCount(a) != Integer.bitCount(b)
                        ? Integer.compare(Integer.bitCount(a), Integer.bitCount(b)) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        int[] idOfCanonical = new int[masks];
        for (int c = 0; c < reps.length; c++) {
            idOfCanonical[reps[c]] = c;
        }
        classOfMask = new short[masks];
        for (int m = 0; m < masks; m++) {
            classOfMask[m] = (short) idOfCanonical[canonical[m]];
        }
        canonicalMask = reps;
        igraphId = new int[reps.length];
        ourIdOfIgraph = new int[reps.length];
        readIgraphTable();
    }

    private void readIgraphTable() {
        String name = "igraph-isoclass-" + size + ".tsv";
        Arrays.fill(igraphId, -1);
        try (InputStream in = IsoclassTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int rows = 0;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                int id = Integer.parseInt(cols[0]);
                int mask = 0;
                if (!cols[1].isEmpty()) {
                    for (String e : cols[1].split(",")) {
                        String[] st = e.split(">");
                        mask |= AdjacencyMask.edgeBit(Integer.parseInt(st[0]), Integer.parseInt(st[1]));
                    }
                }
                int ours = classOf(mask);
                if (igraphId[ours] != -1) {
                    throw new IllegalStateException(name + ": igraph ids " + igraphId[ours] + " and " + id
                            + " fall into one class");
                }
                igraphId[ours] = id;
                ourIdOfIgraph[id] = ours;
                rows++;
            }
            if (rows != igraphId.length) {
                throw new IllegalStateException(name + ": " + rows + " rows, expected " + igraphId.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nodes per subgraph: 3 or 4. */
    public int size() { return size; }

    /** Number of classes: 16 or 218. */
    public int classCount() { return canonicalMask.length; }

    /** Number of masks: 64 or 4096. */
    public int maskCount() { return classOfMask.length; }

    /** Our class id of {@code mask}. */
    public int classOf(int mask) { return classOfMask[mask]; }

    /** The smallest mask of class {@code id}. */
    public int canonicalMask(int id) { return canonicalMask[id]; }

    /** igraph's isoclass id of our class {@code id}. */
    public int igraphId(int id) { return igraphId[id]; }

    /** Our class id of igraph's isoclass {@code igraphId}. */
    public int fromIgraphId(int igraphId) { return ourIdOfIgraph[igraphId]; }

    /** True iff class {@code id} is weakly connected. */
    public boolean isConnected(int id) { return AdjacencyMask.isConnected(canonicalMask[id], size); }

    /** True iff class {@code id} has no directed cycle and no mutual pair. */
    public boolean isAcyclic(int id) { return AdjacencyMask.isAcyclic(canonicalMask[id], size); }

    /** The {@code size!} permutations of the node positions, lexicographic; shared, do not modify. */
    int[][] permutations() { return permutations; }

    /**
     * The whole mask → class table as a fresh array, e.g. for a kernel that wants it local.
     */
    public short[] classOfMaskTable() { return classOfMask.clone(); }
}
