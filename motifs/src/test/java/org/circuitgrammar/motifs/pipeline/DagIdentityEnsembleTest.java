package org.circuitgrammar.motifs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.RowRole;
import org.junit.jupiter.api.Test;

/**
 * The DAG identity on real null ensembles of a shared graph: under every layer-pair null the open triads, 003 and 012
 * are determined by 030T with exactly (bitwise) mirrored Z and equal p; under config, which leaves the DAG, they are not.
 */
class DagIdentityEnsembleTest {
    private static CensusResult meow(List<NullKind> nulls) throws IOException, InvalidGraphException {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../../shared"));
        return GraphCensus.of(shared.resolve("corpus/gemma-2-2b/clt/meow-clt.json"),
                CensusSpec.defaults(nulls).withSamples(40));
    }

    private static MotifRow triad(NullResult n, String label) {
        return n.row(MotifFamily.TRIAD, label).orElseThrow();
    }

    @Test
    void layerPairNulls_determineTheCensusBy030T_exactly() throws IOException, InvalidGraphException {
        CensusResult r = meow(List.of(NullKind.LPC, NullKind.LPC_SHUFFLE, NullKind.LPC_SIGN, NullKind.LPC_POSITION));
        for (NullResult n : r.nulls()) {
            MotifRow ffl = triad(n, "030T");
            assertEquals(RowRole.INDEPENDENT, ffl.role(), n.nullModel().cliName());
            for (String label : List.of("003", "012", "021D", "021U", "021C")) {
                MotifRow t = triad(n, label);
                assertEquals(RowRole.DETERMINED, t.role(), n.nullModel() + " " + label);
                assertEquals("triad/030T", t.determinedBy());
                assertEquals(t.p(), ffl.p(), n.nullModel() + " " + label);
            }
            for (String mirror : List.of("003", "021D", "021U", "021C")) {
                assertEquals(-ffl.z().value(), triad(n, mirror).z().value(), 0.0, n.nullModel() + " " + mirror);
            }
        }
    }

    @Test
    void configurationNull_leavesTheDag_rowsIndependent() throws IOException, InvalidGraphException {
        NullResult config = meow(List.of(NullKind.CONFIG)).nulls().get(0);
        assertEquals(RowRole.INDEPENDENT, triad(config, "030T").role());
        assertEquals(RowRole.INDEPENDENT, triad(config, "021D").role());
        assertEquals(RowRole.INDEPENDENT, triad(config, "030C").role(), "config makes cycles");
    }
}
