package org.circuitgrammar.motifs.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoclassTableTest {

    private static IsoclassTable table(int size) {
        return size == 3 ? IsoclassTable.SIZE3 : IsoclassTable.SIZE4;
    }

    private static Graph<Integer, DefaultEdge> jgrapht(int mask, int size) {
        Graph<Integer, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < size; v++) {
            g.addVertex(v);
        }
        for (int s = 0; s < size; s++) {
            for (int t = 0; t < size; t++) {
                if (s != t && AdjacencyMask.hasEdge(mask, s, t)) {
                    g.addEdge(s, t);
                }
            }
        }
        return g;
    }

    private static boolean isomorphic(int m1, int m2, int size) {
        return new VF2GraphIsomorphismInspector<>(jgrapht(m1, size), jgrapht(m2, size)).isomorphismExists();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void classOf_everyMask_isomorphicToItsClassRepresentativePerVf2(int size) {
        IsoclassTable t = table(size);
        assertEquals(1 << (size * (size - 1)), t.maskCount());
        for (int m = 0; m < t.maskCount(); m++) {
            assertTrue(isomorphic(m, t.canonicalMask(t.classOf(m)), size), "mask " + m);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void canonicalMasks_distinctClasses_notIsomorphicPerVf2(int size) {
        IsoclassTable t = table(size);
        assertEquals(size == 3 ? 16 : 218, t.classCount());
        for (int a = 0; a < t.classCount(); a++) {
            for (int b = a + 1; b < t.classCount(); b++) {
                int ma = t.canonicalMask(a);
                int mb = t.canonicalMask(b);
                if (Integer.bitCount(ma) == Integer.bitCount(mb)) {
                    assertFalse(isomorphic(ma, mb, size), "classes " + a + " and " + b);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void classIds_orderedByEdgeCountThenCanonicalMask_andCanonicalIsSmallestMember(int size) {
        IsoclassTable t = table(size);
        for (int c = 1; c < t.classCount(); c++) {
            int prev = t.canonicalMask(c - 1);
            int cur = t.canonicalMask(c);
            assertTrue(Integer.bitCount(prev) < Integer.bitCount(cur)
                    || Integer.bitCount(prev) == Integer.bitCount(cur) && prev < cur, "class " + c);
        }
        for (int m = 0; m < t.maskCount(); m++) {
            assertTrue(t.canonicalMask(t.classOf(m)) <= m);
            assertEquals(t.classOf(m), t.classOf(t.canonicalMask(t.classOf(m))));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void igraphIds_bijectiveAndRoundTrip(int size) {
        IsoclassTable t = table(size);
        Set<Integer> seen = new HashSet<>();
        for (int c = 0; c < t.classCount(); c++) {
            int ig = t.igraphId(c);
            assertTrue(seen.add(ig));
            assertEquals(c, t.fromIgraphId(ig));
        }
        assertEquals(t.classCount(), seen.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void connectedAndAcyclicClassCounts_matchKnownNumbers(int size) {
        IsoclassTable t = table(size);
        int connected = 0;
        int acyclic = 0;
        int connectedAcyclic = 0;
        for (int c = 0; c < t.classCount(); c++) {
            connected += t.isConnected(c) ? 1 : 0;
            acyclic += t.isAcyclic(c) ? 1 : 0;
            connectedAcyclic += t.isConnected(c) && t.isAcyclic(c) ? 1 : 0;
        }
        // OEIS A003085 (weakly connected digraphs: 13, 199), A003087 (acyclic: 6, 31), A101228 (connected acyclic: 4, 24)
        assertEquals(size == 3 ? 13 : 199, connected);
        assertEquals(size == 3 ? 6 : 31, acyclic);
        assertEquals(size == 3 ? 4 : 24, connectedAcyclic);
    }

    @org.junit.jupiter.api.Test
    void igraphIds_knownTriads_matchSpecTable() {
        // ../shared/spec/circuit-motifs.md §2.2: igraph 7 = 030T (FFL), 2 = 021U, 4 = 021C, 6 = 021D, 15 = 300
        IsoclassTable t = IsoclassTable.SIZE3;
        int ffl = AdjacencyMask.edgeBit(0, 1) | AdjacencyMask.edgeBit(0, 2) | AdjacencyMask.edgeBit(1, 2);
        assertEquals(7, t.igraphId(t.classOf(ffl)));
        assertEquals(2, t.igraphId(t.classOf(AdjacencyMask.edgeBit(0, 2) | AdjacencyMask.edgeBit(1, 2))));
        assertEquals(4, t.igraphId(t.classOf(AdjacencyMask.edgeBit(0, 1) | AdjacencyMask.edgeBit(1, 2))));
        assertEquals(6, t.igraphId(t.classOf(AdjacencyMask.edgeBit(0, 1) | AdjacencyMask.edgeBit(0, 2))));
        assertEquals(15, t.igraphId(t.classOf((1 << 6) - 1)));
    }
}
