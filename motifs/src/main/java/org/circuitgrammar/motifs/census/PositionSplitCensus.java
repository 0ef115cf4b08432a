package org.circuitgrammar.motifs.census;

import java.util.ArrayList;
import java.util.List;

/**
 * Residual vs attention split (family {@code position}). An edge is <b>residual</b> ({@code r}) iff both ends sit
 * at the same context position, else <b>attention-mediated</b> ({@code a}: information moved between token
 * positions). FFLs are split by the kinds of their edges in the order (X→Y, Y→Z, X→Z): {@code ffl-rrr},
 * {@code ffl-rra}, {@code ffl-rar}, … {@code ffl-aaa} (binary counting with {@code r} = 0, last letter fastest);
 * the eight entries sum to 030T. Then the edge counts {@code edges-r}, {@code edges-a}.
 */
public final class PositionSplitCensus extends ThreeNodeFamily {
    /** The family name on the command line. */
    public static final String FAMILY = "position";
    private static final List<String> LABELS = labelList();

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public long[] project(ThreeNodeCounts c) {
        long[] r = new long[LABELS.size()];
        for (int label = 0; label < 8; label++) {
            int xy = label >> 2 & 1;
            int yz = label >> 1 & 1;
            int xz = label & 1;
            for (int signs = 0; signs < 8; signs++) {
                r[label] += c.ffl((signs & 1) | xy << 1, (signs >> 1 & 1) | yz << 1, (signs >> 2) | xz << 1);
            }
        }
        r[8] = c.edges(0) + c.edges(ThreeNodeCounts.NEGATIVE);
        r[9] = c.edges(ThreeNodeCounts.CROSS_POSITION) + c.edges(ThreeNodeCounts.CROSS_POSITION | ThreeNodeCounts.NEGATIVE);
        return r;
    }

    private static List<String> labelList() {
        List<String> labels = new ArrayList<>();
        for (int label = 0; label < 8; label++) {
            labels.add("ffl-" + ((label & 4) == 0 ? 'r' : 'a') + ((label & 2) == 0 ? 'r' : 'a')
                    + ((label & 1) == 0 ? 'r' : 'a'));
        }
        labels.add("edges-r");
        labels.add("edges-a");
        return List.copyOf(labels);
    }
}
