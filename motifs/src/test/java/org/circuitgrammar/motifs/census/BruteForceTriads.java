package org.circuitgrammar.motifs.census;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.circuitgrammar.motifs.graph.SignedDigraph;

/**
 * The test oracle: visits every one of the C(n,3) node triples, reads its six possible edges, names it with
 * networkx's table (triad-codes.tsv, made by scripts/triad_class_tables.py) and, for the DAG classes, finds the
 * roles by in/out-degree inside the triple. {@code O(n^3 log d)}: small graphs only.
 */
final class BruteForceTriads {
    private static final Map<Integer, TriadClass> NETWORKX = readCodes();

    private BruteForceTriads() {
    }

    static Map<Integer, TriadClass> networkxCodes() {
        return NETWORKX;
    }

    private static Map<Integer, TriadClass> readCodes() {
        try (InputStream in = BruteForceTriads.class.getResourceAsStream("/census/triad-codes.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<Integer, TriadClass> codes = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.startsWith("code")) {
                    continue;
                }
                String[] f = line.split("\t");
                codes.put(Integer.parseInt(f[0]), TriadClass.ofMan(f[1]));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ThreeNodeCounts count(SignedDigraph g) {
        return count(g, true);
    }

    /** The census with attributes read from signs and, if {@code positions}, from positions (else all same). */
    static ThreeNodeCounts count(SignedDigraph g, boolean positions) {
        int n = g.nodeCount();
        long[] triads = new long[16];
        long[] ffl = new long[64];
        long[] chain = new long[16];
        long[] fanOut = new long[16];
        long[] fanIn = new long[16];
        long[] edges = new long[4];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t && g.hasEdge(s, t)) {
                    edges[attr(g, s, t, positions)]++;
                }
            }
        }
        int[][] pairs = {{0, 1}, {1, 0}, {0, 2}, {2, 0}, {1, 2}, {2, 1}};
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    int[] v = {a, b, c};
                    int code = 0;
                    int[] out = new int[3];
                    int[] in = new int[3];
                    for (int i = 0; i < 6; i++) {
                        if (g.hasEdge(v[pairs[i][0]], v[pairs[i][1]])) {
                            code |= 1 << i;
                            out[pairs[i][0]]++;
                            in[pairs[i][1]]++;
                        }
                    }
                    TriadClass k = NETWORKX.get(code);
                    triads[k.ordinal()]++;
                    switch (k) {
                        case T030T -> {
                            int x = v[indexOf(out, 2)];
                            int z = v[indexOf(in, 2)];
                            int y = a + b + c - x - z;
                            ffl[attr(g, x, y, positions) | attr(g, y, z, positions) << 2 | attr(g, x, z, positions) << 4]++;
                        }
                        case T021C -> {
                            int x = v[indexOf(out, 1, in, 0)];
                            int z = v[indexOf(in, 1, out, 0)];
                            int y = a + b + c - x - z;
                            chain[attr(g, x, y, positions) | attr(g, y, z, positions) << 2]++;
                        }
                        case T021D -> {
                            int x = v[indexOf(out, 2)];
                            int[] others = othersThan(v, x);
                            fanOut[key(attr(g, x, others[0], positions), attr(g, x, others[1], positions))]++;
                        }
                        case T021U -> {
                            int z = v[indexOf(in, 2)];
                            int[] others = othersThan(v, z);
                            fanIn[key(attr(g, others[0], z, positions), attr(g, others[1], z, positions))]++;
                        }
                        default -> { }
                    }
                }
            }
        }
        return new ThreeNodeCounts(triads, ffl, chain, fanOut, fanIn, edges, positions);
    }

    private static int key(int p, int q) {
        return Math.min(p, q) | Math.max(p, q) << 2;
    }

    private static int attr(SignedDigraph g, int s, int t, boolean positions) {
        return (g.weight(s, t) < 0 ? 1 : 0) | (positions && g.position(s) != g.position(t) ? 2 : 0);
    }

    private static int indexOf(int[] a, int value) {
        for (int i = 0; i < 3; i++) {
            if (a[i] == value) {
                return i;
            }
        }
        throw new AssertionError();
    }

    private static int indexOf(int[] a, int va, int[] b, int vb) {
        for (int i = 0; i < 3; i++) {
            if (a[i] == va && b[i] == vb) {
                return i;
            }
        }
        throw new AssertionError();
    }

    private static int[] othersThan(int[] v, int x) {
        int[] r = new int[2];
        int k = 0;
        for (int u : v) {
            if (u != x) {
                r[k++] = u;
            }
        }
        return r;
    }
}
