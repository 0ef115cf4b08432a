package org.circuitgrammar.motifs.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connected DAG motifs on 3 and 4 nodes, with stable ids, names and node roles: the 4 connected acyclic triads
 * and the 24 connected acyclic 4-node isoclasses (there are 31 acyclic digraphs on 4 unlabelled nodes; 7 of them are
 * disconnected). Every other connected class contains a mutual pair or a directed cycle and cannot occur in an
 * attribution graph.
 *
 * <p>Each motif is given by its edges over role indices in a topological labelling (every edge goes from a lower to
 * a higher role index). For the 4-node motifs the roles are the letters A–D, and the labelling is the one whose
 * sorted edge list is lexicographically smallest among the topological ones; the ids D01–D24 number them by (edge
 * count, that edge list). {@code docs/motifs.md} draws each one. Drawings below read top to bottom along the edges.
 *
 * <p>Roles of an instance: a motif with automorphisms (fan-out-3, bi-fan, ...) matches one node set in several
 * ways; {@link #assignRoles} picks the assignment whose role-ordered node tuple is lexicographically smallest, so the
 * answer does not depend on the enumeration order.
 */
public enum DagMotif {
    /** Feed-forward loop (triad 030T): X→Y, X→Z, Y→Z. */
    FFL("ffl", "030T", new String[] {"regulator", "intermediate", "target"}, 0, 1, 0, 2, 1, 2),
    /** Chain (triad 021C): X→Y→Z. */
    CHAIN("chain", "021C", new String[] {"source", "middle", "sink"}, 0, 1, 1, 2),
    /** Fan-in (triad 021U): X→Z←Y. */
    FAN_IN("fan-in", "021U", new String[] {"source", "source", "target"}, 0, 2, 1, 2),
    /** Fan-out (triad 021D): Y←X→Z. */
    FAN_OUT("fan-out", "021D", new String[] {"source", "target", "target"}, 0, 1, 0, 2),

    /** D01 fan-out-3: A→B, A→C, A→D. */
    D01("fan-out-3", "D01", 0, 1, 0, 2, 0, 3),
    /** D02 branch-chain: A→B→D, A→C. */
    D02("branch-chain", "D02", 0, 1, 0, 2, 1, 3),
    /** D03 zigzag: B←A→D←C. */
    D03("zigzag", "D03", 0, 1, 0, 3, 2, 3),
    /** D04 chain-fan-out: A→B, B→C, B→D. */
    D04("chain-fan-out", "D04", 0, 1, 1, 2, 1, 3),
    /** D05 chain-4: A→B→C→D. */
    D05("chain-4", "D05", 0, 1, 1, 2, 2, 3),
    /** D06 merge-chain: A→B→D←C. */
    D06("merge-chain", "D06", 0, 1, 1, 3, 2, 3),
    /** D07 fan-in-chain: A→C←B, C→D. */
    D07("fan-in-chain", "D07", 0, 2, 1, 2, 2, 3),
    /** D08 fan-in-3: A→D, B→D, C→D. */
    D08("fan-in-3", "D08", 0, 3, 1, 3, 2, 3),
    /** D09 ffl-regulator-out: FFL (A, B, C) and A→D. */
    D09("ffl-regulator-out", "D09", 0, 1, 0, 2, 0, 3, 1, 2),
    /** D10 ffl-intermediate-out: FFL (A, B, C) and B→D. */
    D10("ffl-intermediate-out", "D10", 0, 1, 0, 2, 1, 2, 1, 3),
    /** D11 ffl-target-out: FFL (A, B, C) and C→D. */
    D11("ffl-target-out", "D11", 0, 1, 0, 2, 1, 2, 2, 3),
    /** D12 diamond (bi-parallel): A→B→D, A→C→D. */
    D12("diamond", "D12", 0, 1, 0, 2, 1, 3, 2, 3),
    /** D13 bypass: A→B→C→D and A→D. */
    D13("bypass", "D13", 0, 1, 0, 3, 1, 2, 2, 3),
    /** D14 ffl-target-in: FFL (A, B, D) and C→D. */
    D14("ffl-target-in", "D14", 0, 1, 0, 3, 1, 3, 2, 3),
    /** D15 ffl-regulator-in: A→B and FFL (B, C, D). */
    D15("ffl-regulator-in", "D15", 0, 1, 1, 2, 1, 3, 2, 3),
    /** D16 bi-fan: A→C, A→D, B→C, B→D. */
    D16("bi-fan", "D16", 0, 2, 0, 3, 1, 2, 1, 3),
    /** D17 ffl-intermediate-in: FFL (A, C, D) and B→C. */
    D17("ffl-intermediate-in", "D17", 0, 2, 0, 3, 1, 2, 2, 3),
    /** D18 k4-no-cd: A→B and both of A, B → both of C, D (a bi-fan whose sources are linked). */
    D18("k4-no-cd", "D18", 0, 1, 0, 2, 0, 3, 1, 2, 1, 3),
    /** D19 k4-no-bd: all edges of the order A&lt;B&lt;C&lt;D except B→D. */
    D19("k4-no-bd", "D19", 0, 1, 0, 2, 0, 3, 1, 2, 2, 3),
    /** D20 k4-no-bc: a diamond A→{B,C}→D with the shortcut A→D. */
    D20("k4-no-bc", "D20", 0, 1, 0, 2, 0, 3, 1, 3, 2, 3),
    /** D21 k4-no-ad: all edges of the order A&lt;B&lt;C&lt;D except A→D. */
    D21("k4-no-ad", "D21", 0, 1, 0, 2, 1, 2, 1, 3, 2, 3),
    /** D22 k4-no-ac: all edges of the order A&lt;B&lt;C&lt;D except A→C. */
    D22("k4-no-ac", "D22", 0, 1, 0, 3, 1, 2, 1, 3, 2, 3),
    /** D23 k4-no-ab: both of A, B → both of C, D, and C→D (a bi-fan whose targets are linked). */
    D23("k4-no-ab", "D23", 0, 2, 0, 3, 1, 2, 1, 3, 2, 3),
    /** D24 k4-total: the transitive tournament, every edge of the order A&lt;B&lt;C&lt;D. */
    D24("k4-total", "D24", 0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3);

    private static final DagMotif[] BY_CLASS3 = byClass(IsoclassTable.SIZE3);
    private static final DagMotif[] BY_CLASS4 = byClass(IsoclassTable.SIZE4);

    private final String shortName;
    private final String id;
    private final List<String> roles;
    private final int[] edges;
    private final int size;
    private final int mask;

    DagMotif(String shortName, String id, int... edges) {
        this(shortName, id, new String[] {"A", "B", "C", "D"}, edges);
    }

    DagMotif(String shortName, String id, String[] roles, int... edges) {
        this.shortName = shortName;
        this.id = id;
        this.roles = List.of(roles);
        this.edges = edges;
        this.size = roles.length;
        int m = 0;
        for (int i = 0; i < edges.length; i += 2) {
            m |= AdjacencyMask.edgeBit(edges[i], edges[i + 1]);
        }
        this.mask = m;
    }

    /** The name used on the command line and in reports, e.g. {@code ffl}, {@code bi-fan}. */
    public String shortName() { return shortName; }

    /** The stable id: the triad's MAN name for 3 nodes, {@code D01}..{@code D24} for 4 nodes. */
    public String id() { return id; }

    /** 3 or 4. */
    public int size() { return size; }

    /** Role names by role index; FFL: regulator, intermediate, target; 4-node motifs: A, B, C, D. */
    public List<String> roles() { return roles; }

    /** Number of edges. */
    public int edgeCount() { return edges.length / 2; }

    /** Source role index of edge {@code e}. */
    public int edgeSource(int e) { return edges[2 * e]; }

    /** Target role index of edge {@code e}. */
    public int edgeTarget(int e) { return edges[2 * e + 1]; }

    /** The {@link AdjacencyMask} of the motif with node {@code i} in role {@code i}. */
    public int mask() { return mask; }

    /** Our {@link IsoclassTable} class id. */
    public int isoclass() { return table(size).classOf(mask); }

    /** The DAG motif of isoclass {@code classId} of the given size, if it is one. */
    public static Optional<DagMotif> ofClass(int size, int classId) {
        DagMotif[] by = size == 3 ? BY_CLASS3 : size == 4 ? BY_CLASS4 : null;
        if (by == null) {
            throw new IllegalArgumentException("size must be 3 or 4: " + size);
        }
        return Optional.ofNullable(by[classId]);
    }

    /** The motifs of one size, in id order. */
    public static List<DagMotif> ofSize(int size) {
        List<DagMotif> out = new ArrayList<>();
        for (DagMotif m : values()) {
            if (m.size == size) {
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Looks a motif up by short name or id, ignoring case ({@code ffl}, {@code 030T}, {@code bi-fan}, {@code d16}).
     */
    public static Optional<DagMotif> byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (DagMotif m : values()) {
            if (m.shortName.equals(key) || m.id.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The nodes of an instance in role order. {@code nodes[i]} is the node at position {@code i} of
     * {@code subgraphMask}, which must be isomorphic to this motif. Of the valid assignments (several when the motif
     * has automorphisms) the one with the lexicographically smallest role-ordered node tuple is returned.
     *
     * @throws IllegalArgumentException if the mask is not this motif
     */
    public int[] assignRoles(int[] nodes, int subgraphMask) {
        int[] best = null;
        for (int[] perm : table(size).permutations()) {
            // role r sits at position perm[r]
            if (AdjacencyMask.relabel(mask, perm) != subgraphMask) {
                continue;
            }
            int[] tuple = new int[size];
            for (int r = 0; r < size; r++) {
                tuple[r] = nodes[perm[r]];
            }
            if (best == null || Arrays.compare(tuple, best) < 0) {
                best = tuple;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("mask " + subgraphMask + " is not " + this);
        }
        return best;
    }

    private static IsoclassTable table(int size) {
        return size == 3 ? IsoclassTable.SIZE3 : IsoclassTable.SIZE4;
    }

    private static DagMotif[] byClass(IsoclassTable t) {
        DagMotif[] out = new DagMotif[t.classCount()];
        for (DagMotif m : values()) {
            if (m.size == t.size()) {
                int c = t.classOf(m.mask);
                if (out[c] != null) {
                    throw new IllegalStateException(m + " and " + out[c] + " are isomorphic");
                }
                out[c] = m;
            }
        }
        return out;
    }
}
