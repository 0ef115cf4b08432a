package org.circuitgrammar.motifs.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DagMotifTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void ofSize_coversExactlyTheConnectedAcyclicClasses(int size) {
        IsoclassTable t = size == 3 ? IsoclassTable.SIZE3 : IsoclassTable.SIZE4;
        Set<Integer> expected = new HashSet<>();
        for (int c = 0; c < t.classCount(); c++) {
            if (t.isConnected(c) && t.isAcyclic(c)) {
                expected.add(c);
                assertTrue(DagMotif.ofClass(size, c).isPresent());
            } else {
                assertTrue(DagMotif.ofClass(size, c).isEmpty());
            }
        }
        Set<Integer> actual = new HashSet<>();
        for (DagMotif m : DagMotif.ofSize(size)) {
            actual.add(m.isoclass());
        }
        assertEquals(expected, actual);
    }

    @Test
    void fourNodeIds_numberedByEdgeCountThenSmallestTopologicalEdgeList() {
        List<DagMotif> quads = DagMotif.ofSize(4);
        assertEquals(24, quads.size());
        List<int[]> keys = new ArrayList<>();
        for (int i = 0; i < quads.size(); i++) {
            DagMotif m = quads.get(i);
            assertEquals(String.format("D%02d", i + 1), m.id());
            int[] own = edgeList(m.mask());
            for (int e = 0; e < m.edgeCount(); e++) {
                assertTrue(m.edgeSource(e) < m.edgeTarget(e), m + " labelling is topological");
            }
            // no other topological labelling has a smaller sorted edge list
            for (int[] p : AdjacencyMask.permutations(4)) {
                int relabelled = AdjacencyMask.relabel(m.mask(), p);
                if (isTopological(relabelled)) {
                    assertTrue(compareEdgeLists(own, edgeList(relabelled)) <= 0, m.toString());
                }
            }
            keys.add(own);
        }
        for (int i = 1; i < keys.size(); i++) {
            int[] a = keys.get(i - 1);
            int[] b = keys.get(i);
            assertTrue(a.length < b.length || a.length == b.length && compareEdgeLists(a, b) < 0);
        }
    }

    @Test
    void assignRoles_ffl_regulatorIntermediateTargetWhateverThePositions() {
        // 0->1, 0->2, 1->2: regulator 0, intermediate 1, target 2
        int mask = AdjacencyMask.edgeBit(0, 1) | AdjacencyMask.edgeBit(0, 2) | AdjacencyMask.edgeBit(1, 2);
        assertArrayEquals(new int[] {10, 11, 12}, DagMotif.FFL.assignRoles(new int[] {10, 11, 12}, mask));
        assertEquals(List.of("regulator", "intermediate", "target"), DagMotif.FFL.roles());
        // same FFL seen with the target at position 0: 12 at 0, 10 at 1, 11 at 2; edges 1->2, 1->0, 2->0
        int permuted = AdjacencyMask.edgeBit(1, 2) | AdjacencyMask.edgeBit(1, 0) | AdjacencyMask.edgeBit(2, 0);
        assertArrayEquals(new int[] {10, 11, 12}, DagMotif.FFL.assignRoles(new int[] {12, 10, 11}, permuted));
    }

    @Test
    void assignRoles_chainFanInFanOut_rolesFollowDirection() {
        int chain = AdjacencyMask.edgeBit(2, 0) | AdjacencyMask.edgeBit(0, 1); // 7 -> 5 -> 6
        assertArrayEquals(new int[] {7, 5, 6}, DagMotif.CHAIN.assignRoles(new int[] {5, 6, 7}, chain));
        int fanIn = AdjacencyMask.edgeBit(1, 0) | AdjacencyMask.edgeBit(2, 0); // 6 -> 5 <- 7
        assertArrayEquals(new int[] {6, 7, 5}, DagMotif.FAN_IN.assignRoles(new int[] {5, 6, 7}, fanIn));
        int fanOut = AdjacencyMask.edgeBit(2, 0) | AdjacencyMask.edgeBit(2, 1); // 5 <- 7 -> 6
        assertArrayEquals(new int[] {7, 5, 6}, DagMotif.FAN_OUT.assignRoles(new int[] {5, 6, 7}, fanOut));
        assertThrows(IllegalArgumentException.class, () -> DagMotif.FFL.assignRoles(new int[] {5, 6, 7}, chain));
    }

    @Test
    void assignRoles_symmetricBiFan_picksSmallestTuple() {
        // 9 -> {3, 4}, 2 -> {3, 4}: sources A,B = 2,9; targets C,D = 3,4
        int[] nodes = {9, 3, 2, 4};
        int mask = AdjacencyMask.edgeBit(0, 1) | AdjacencyMask.edgeBit(0, 3) | AdjacencyMask.edgeBit(2, 1)
                | AdjacencyMask.edgeBit(2, 3);
        assertArrayEquals(new int[] {2, 9, 3, 4}, DagMotif.D16.assignRoles(nodes, mask));
    }

    @Test
    void byName_shortNameOrIdIgnoringCase() {
        assertEquals(DagMotif.D16, DagMotif.byName("bi-fan").orElseThrow());
        assertEquals(DagMotif.D16, DagMotif.byName("d16").orElseThrow());
        assertEquals(DagMotif.FFL, DagMotif.byName("030T").orElseThrow());
        assertEquals(DagMotif.D12, DagMotif.byName("Diamond").orElseThrow());
        assertTrue(DagMotif.byName("nope").isEmpty());
    }

    private static boolean isTopological(int mask) {
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < s; t++) {
                if (AdjacencyMask.hasEdge(mask, s, t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sorted (s, t) pairs flattened. */
    private static int[] edgeList(int mask) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < 4; t++) {
                if (s != t && AdjacencyMask.hasEdge(mask, s, t)) {
                    out.add(s);
                    out.add(t);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int compareEdgeLists(int[] a, int[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
