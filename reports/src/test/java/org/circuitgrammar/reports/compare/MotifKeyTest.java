package org.circuitgrammar.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.circuitgrammar.motifs.result.MotifFamily;
import org.junit.jupiter.api.Test;

class MotifKeyTest {
    @Test
    void phrase_signedTriadAndOther_readable() {
        assertEquals("incoherent FFLs (I4)", new MotifKey(MotifFamily.SIGNED, "I4").phrase());
        assertEquals("coherent FFLs (all types)", new MotifKey(MotifFamily.SIGNED, "coherent").phrase());
        assertEquals("chains with signs + −", new MotifKey(MotifFamily.SIGNED, "chain+-").phrase());
        assertEquals("fan-ins with signs − −", new MotifKey(MotifFamily.SIGNED, "fanin--").phrase());
        assertEquals("fan-outs with signs + +", new MotifKey(MotifFamily.SIGNED, "fanout++").phrase());
        assertEquals("FFLs (030T)", new MotifKey(MotifFamily.TRIAD, "030T").phrase());
        assertEquals("triads 021D", new MotifKey(MotifFamily.TRIAD, "021D").phrase());
        assertEquals("dag4/D05", new MotifKey(MotifFamily.DAG4, "D05").phrase());
        assertEquals("signed/I1", new MotifKey(MotifFamily.SIGNED, "I1").toString());
    }
}
