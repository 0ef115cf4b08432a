package org.circuitgrammar.motifs.census;

import java.util.List;

/**
 * Same- vs cross-position split of the FFL (family {@code position}). An edge is <b>same-position</b> ({@code s}) iff
 * both ends sit at the same token position (the MLP path and also an attention head's path to its own position, so
 * not "residual only"), else <b>cross-position</b> ({@code c}: information moved between token positions). FFLs are
 * labelled by the kinds of their edges in the order (X→Y, Y→Z, X→Z). Only four of the eight combinations can occur in
 * a causal attribution graph (a source's position is never after its target's): same position is transitive, so
 * {@code ssc}, {@code scs} and {@code css} are impossible in any graph, and {@code ccs} would need X and Z at one
 * position with Y strictly between them. The family therefore has the labels {@code ffl-sss}, {@code ffl-scc},
 * {@code ffl-csc} and {@code ffl-ccc}, which sum to 030T on every causal graph (a null that ignores positions, such as
 * er, can produce the impossible ones; they are not counted). Edge counts by kind are graph facts, reported with the
 * analysed view, not motifs.
 */
public final class PositionSplitCensus extends ThreeNodeFamily {
    /** The family name on the command line. */
    public static final String FAMILY = "position";
    /** (X→Y, Y→Z, X→Z) kind bits, cross = 1, of the labels in order. */
    private static final int[] KINDS = {0b000, 0b011, 0b101, 0b111};
    private static final List<String> LABELS = List.of("ffl-sss", "ffl-scc", "ffl-csc", "ffl-ccc");

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public boolean readsPositions() {
        return true;
    }

    @Override
    public long[] project(ThreeNodeCounts c) {
        if (!c.positionsSplit()) {
            throw new IllegalArgumentException("the position family needs counts with positions split");
        }
        long[] r = new long[LABELS.size()];
        for (int label = 0; label < KINDS.length; label++) {
            int xy = KINDS[label] >> 2 & 1;
            int yz = KINDS[label] >> 1 & 1;
            int xz = KINDS[label] & 1;
            for (int signs = 0; signs < 8; signs++) {
                r[label] += c.ffl((signs & 1) | xy << 1, (signs >> 1 & 1) | yz << 1, (signs >> 2) | xz << 1);
            }
        }
        return r;
    }
}
