package org.circuitgrammar.motifs.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link AllowedCells} against a brute-force scan of every (row, column) pair, with each rule written out here. */
class AllowedCellsTest {

    @Test
    void countAndCells_matchBruteForce_onEveryRule() {
        SplittableRandom rng = new SplittableRandom(3);
        // shapes: (nodes, rows, columns, positions); rows and columns drawn from the same nodes, so some cells are
        // self-loops; few positions give ties, many give none
        int[][] shapes = {{1, 1, 1, 1}, {6, 3, 4, 1}, {8, 5, 5, 3}, {12, 7, 9, 12}, {30, 20, 25, 4}};
        int[] rules = {CellRule.ANY, CellRule.FORWARD_OR_SAME, CellRule.FORWARD, CellRule.BACKWARD, CellRule.DIFFERENT};
        for (int[] shape : shapes) {
            int[] position = new int[shape[0]];
            for (int v = 0; v < position.length; v++) {
                position[v] = rng.nextInt(shape[3]) - 1;            // −1 included: positions need not start at 0
            }
            int[] rowNode = distinctNodes(rng, shape[0], shape[1]);
            int[] columnNode = distinctNodes(rng, shape[0], shape[2]);
            for (int rule : rules) {
                List<String> expected = new ArrayList<>();
                for (int r = 0; r < rowNode.length; r++) {
                    for (int c = 0; c < columnNode.length; c++) {
                        if (rowNode[r] != columnNode[c]
                                && allowedByHand(rule, position[rowNode[r]], position[columnNode[c]])) {
                            expected.add(r + "," + c);
                        }
                    }
                }
                AllowedCells cells = new AllowedCells(rowNode, columnNode, position, rule);
                boolean[] scratch = new boolean[shape[0]];
                assertEquals(expected.size(), cells.count(scratch), "rule " + rule);
                assertEquals(List.of(), asList(scratch), "scratch left set");
                List<String> listed = new ArrayList<>();
                cells.forEach((r, c) -> listed.add(r + "," + c));
                listed.sort(null);
                expected.sort(null);
                assertEquals(expected, listed, "rule " + rule);
            }
        }
    }

    private static boolean allowedByHand(int rule, int sourcePosition, int targetPosition) {
        if (rule == CellRule.ANY) {
            return true;
        }
        if (rule == CellRule.FORWARD_OR_SAME) {
            return sourcePosition <= targetPosition;
        }
        if (rule == CellRule.FORWARD) {
            return sourcePosition < targetPosition;
        }
        if (rule == CellRule.BACKWARD) {
            return sourcePosition > targetPosition;
        }
        return sourcePosition != targetPosition;            // DIFFERENT
    }

    private static int[] distinctNodes(SplittableRandom rng, int nodes, int count) {
        List<Integer> all = new ArrayList<>();
        for (int v = 0; v < nodes; v++) {
            all.add(v);
        }
        Collections.shuffle(all, new Random(rng.nextLong()));
        return all.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> asList(boolean[] flags) {
        List<Integer> set = new ArrayList<>();
        for (int v = 0; v < flags.length; v++) {
            if (flags[v]) {
                set.add(v);
            }
        }
        return set;
    }
}
