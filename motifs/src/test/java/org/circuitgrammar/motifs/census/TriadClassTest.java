package org.circuitgrammar.motifs.census;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.circuitgrammar.motifs.grammar.AdjacencyMask;
import org.circuitgrammar.motifs.grammar.IsoclassTable;
import org.junit.jupiter.api.Test;

/** Checks the class tables against igraph and networkx (fixtures from scripts/triad_class_tables.py). */
class TriadClassTest {

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = TriadClassTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).skip(1).map(l -> l.split("\t")).toList();
        }
    }

    @Test
    void ofIgraphId_everyIsoclass_matchesIgraphAndNetworkx() throws IOException {
        List<String[]> rows = rows("/census/triad-isoclasses.tsv");
        assertEquals(16, rows.size());
        for (String[] r : rows) {
            TriadClass c = TriadClass.ofIgraphId(Integer.parseInt(r[0]));
            assertEquals(r[2], c.man(), "igraph id " + r[0]);
            assertEquals(Integer.parseInt(r[3]), c.miloId(), "Milo id of " + c);
            assertEquals(r[4], c.circuitMotifsLabel(), "circuit-motifs label of " + c);
            assertEquals(c.igraphId(), Integer.parseInt(r[0]));
        }
    }

    @Test
    void ofIgraphId_canonicalPattern_classifiedByStructureAsIgraphSays() throws IOException {
        for (String[] r : rows("/census/triad-isoclasses.tsv")) {
            int code = 0;
            if (!r[1].equals("-")) {
                for (String e : r[1].split(",")) {
                    code |= TriadCode.bit(e.charAt(0) - '0', e.charAt(2) - '0');
                }
            }
            assertEquals(TriadClass.ofIgraphId(Integer.parseInt(r[0])), TriadCode.classOf(code), r[1]);
        }
    }

    @Test
    void classOf_all64Patterns_equalsNetworkxTriadType() {
        for (int code = 0; code < 64; code++) {
            assertEquals(BruteForceTriads.networkxCodes().get(code), TriadCode.classOf(code), "pattern " + code);
        }
    }

    @Test
    void classOf_everyPattern_agreesWithTheGrammarIsoclassTable() {
        // motifs.grammar numbers the same classes its own way; both must name the same igraph class
        for (int mask = 0; mask < 64; mask++) {
            int code = 0;
            for (int s = 0; s < 3; s++) {
                for (int t = 0; t < 3; t++) {
                    if (s != t && AdjacencyMask.hasEdge(mask, s, t)) {
                        code |= TriadCode.bit(s, t);
                    }
                }
            }
            IsoclassTable table = IsoclassTable.SIZE3;
            assertEquals(table.igraphId(table.classOf(mask)), TriadCode.classOf(code).igraphId(), "mask " + mask);
        }
    }

    @Test
    void possibleInDag_exactlyTheSixAcyclicClassesWithoutMutualDyads() {
        for (TriadClass c : TriadClass.values()) {
            boolean expected = c.man().charAt(0) == '0' && !c.man().equals("030C");
            assertEquals(expected, c.possibleInDag(), c.man());
            assertEquals(!List.of("003", "012", "102").contains(c.man()), c.connected(), c.man());
        }
    }

    @Test
    void circuitMotifsLabel_swapsOnlyTheFourDocumentedClasses() {
        for (TriadClass c : TriadClass.values()) {
            boolean swapped = List.of("111U", "111D", "120U", "120D").contains(c.man());
            assertEquals(!swapped, c.man().equals(c.circuitMotifsLabel()), c.man());
        }
        assertEquals("111U", TriadClass.T111D.circuitMotifsLabel());
        assertEquals("120D", TriadClass.T120U.circuitMotifsLabel());
    }
}
