package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.circuitgrammar.motifs.graph.SignedDigraph;

/** The degree identities every triad census of a DAG must satisfy, computed from the degrees alone. */
public final class DagIdentities {
    private DagIdentities() {
    }

    /** 021D = ΣC(out,2) − T, 021U = ΣC(in,2) − T, 021C = Σ in·out − T, 012 = m(n−2) − 2W + 3T, sum = C(n,3). */
    public static void assertHold(SignedDigraph g, long[] c) {
        long n = g.nodeCount();
        long m = g.edgeCount();
        long outPairs = 0;
        long inPairs = 0;
        long inOut = 0;
        for (int v = 0; v < n; v++) {
            long in = g.inDegree(v);
            long out = g.outDegree(v);
            outPairs += out * (out - 1) / 2;
            inPairs += in * (in - 1) / 2;
            inOut += in * out;
        }
        long t = c[TriadClass.T030T.ordinal()];
        assertEquals(outPairs - t, c[TriadClass.T021D.ordinal()]);
        assertEquals(inPairs - t, c[TriadClass.T021U.ordinal()]);
        assertEquals(inOut - t, c[TriadClass.T021C.ordinal()]);
        assertEquals(m * (n - 2) - 2 * (outPairs + inPairs + inOut) + 3 * t, c[TriadClass.T012.ordinal()]);
        long total = 0;
        for (TriadClass k : TriadClass.values()) {
            total += c[k.ordinal()];
            if (!k.possibleInDag()) {
                assertEquals(0, c[k.ordinal()], k.man());
            }
        }
        assertEquals(n * (n - 1) * (n - 2) / 6, total);
    }
}
