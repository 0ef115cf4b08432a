package org.circuitgrammar.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering with average linkage (UPGMA): start with every item a cluster, repeatedly merge the two
 * clusters with the smallest mean pairwise distance. The merges come out in scipy's {@code linkage(method="average")}
 * form: a new cluster gets id {@code n + step}, each merge names its two clusters (smaller id first), the distance and
 * the size. Ties are broken towards the pair with the smallest (first id, second id), so the output is deterministic.
 * {@code O(n³)} time and {@code O(n²)} memory: fine for the hundreds of graphs of a report.
 */
public final class AverageLinkage {
    private AverageLinkage() {
    }

    /**
     * One merge.
     *
     * @param left     the smaller cluster id (an item index &lt; n, or n + step of an earlier merge)
     * @param right    the larger cluster id
     * @param distance average distance between the two clusters' items
     * @param size     items in the merged cluster
     */
    public record Merge(int left, int right, double distance, int size) {
    }

    /**
     * Clusters the items of the symmetric distance matrix {@code d} (n × n, zero diagonal, finite entries); returns
     * n − 1 merges.
     */
    public static List<Merge> cluster(double[][] d) {
        int n = d.length;
        for (double[] row : d) {
            if (row.length != n) {
                throw new IllegalArgumentException("distance matrix is not square");
            }
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("distance is not finite: " + x);
                }
            }
        }
        // dist between active clusters, indexed by slot; slot i holds cluster id ids[i]
        double[][] dist = new double[n][];
        for (int i = 0; i < n; i++) {
            dist[i] = d[i].clone();
        }
        int[] ids = new int[n];
        int[] sizes = new int[n];
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            sizes[i] = 1;
            active[i] = true;
        }
        List<Merge> merges = new ArrayList<>(Math.max(0, n - 1));
        for (int step = 0; step < n - 1; step++) {
            int bestA = -1;
            int bestB = -1;
            for (int a = 0; a < n; a++) {
                if (!active[a]) {
                    continue;
                }
                for (int b = a + 1; b < n; b++) {
                    if (active[b] && (bestA < 0 || dist[a][b] < dist[bestA][bestB]
                            || dist[a][b] == dist[bestA][bestB] && idOrderBefore(ids, a, b, bestA, bestB))) {
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            int size = sizes[bestA] + sizes[bestB];
            merges.add(new Merge(Math.min(ids[bestA], ids[bestB]), Math.max(ids[bestA], ids[bestB]),
                    dist[bestA][bestB], size));
            for (int c = 0; c < n; c++) {
                if (active[c] && c != bestA && c != bestB) {
                    double merged = (sizes[bestA] * dist[bestA][c] + sizes[bestB] * dist[bestB][c]) / size;
                    dist[bestA][c] = merged;
                    dist[c][bestA] = merged;
                }
            }
            active[bestB] = false;
            sizes[bestA] = size;
            ids[bestA] = n + step;
        }
        return List.copyOf(merges);
    }

    private static boolean idOrderBefore(int[] ids, int a, int b, int bestA, int bestB) {
        int lo = Math.min(ids[a], ids[b]);
        int hi = Math.max(ids[a], ids[b]);
        int bestLo = Math.min(ids[bestA], ids[bestB]);
        int bestHi = Math.max(ids[bestA], ids[bestB]);
        return lo < bestLo || lo == bestLo && hi < bestHi;
    }

    /** The leaf order of the dendrogram (left subtree first), for drawing. {@code O(n)}. */
    public static List<Integer> leafOrder(List<Merge> merges, int n) {
        if (n == 0) {
            return List.of();
        }
        return leaves(merges, n, merges.isEmpty() ? 0 : n + merges.size() - 1);
    }

    /** The items under cluster {@code id} (an item index, or n + step of a merge), left subtree first. */
    public static List<Integer> leaves(List<Merge> merges, int n, int id) {
        List<Integer> out = new ArrayList<>();
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(id);
        while (!stack.isEmpty()) {
            int c = stack.pop();
            if (c < n) {
                out.add(c);
            } else {
                Merge m = merges.get(c - n);
                stack.push(m.right());
                stack.push(m.left());
            }
        }
        return out;
    }
}
