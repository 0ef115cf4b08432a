package org.circuitgrammar.motifs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.motifs.census.TriadCensus;
import org.circuitgrammar.motifs.ensemble.EnsembleResult;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.junit.jupiter.api.Test;

/** The DAG identity on the real null ensembles of a shared graph, exactly (bitwise), and its failure under config. */
class DagTriadIdentityEnsembleTest {
    private static final byte[] FINGERPRINT = new byte[32];

    private static SignedDigraph meow() throws InvalidGraphException {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../../shared"));
        return AnalysedGraph.of(new GraphReader().read(shared.resolve("corpus/gemma-2-2b/clt/meow-clt.json")),
                AnalysisOptions.DEFAULT).graph();
    }

    private static FamilyStatistics triads(SignedDigraph g, NullKind kind) {
        EnsembleResult r = NullEnsemble.run(g, FINGERPRINT, EnsembleSpec.of(kind, 40, 3, EnsembleSpec.Profile.DEFAULT),
                List.of(new TriadCensus()), 2, done -> { });
        FamilyCounts f = r.families().get(0);
        return FamilyStatistics.of(f.family(), f.labels(), f.observed(), f.samples());
    }

    @Test
    void holds_everyLayerPairNull_exactly() throws InvalidGraphException {
        SignedDigraph g = meow();
        assertTrue(g.isAcyclic());
        for (NullKind kind : List.of(NullKind.LPC, NullKind.LPC_SHUFFLE, NullKind.LPC_SIGN, NullKind.LPC_POSITION)) {
            FamilyStatistics t = triads(g, kind);
            assertTrue(DagTriadIdentity.holds(t), kind.cliName());
            int ffl = t.labels().indexOf("030T");
            // 003 = C(n,3) - ... = c - 030T as well: an exact mirror
            assertEquals(-t.z().get(ffl).value(), t.z().get(t.labels().indexOf("003")).value(), 0.0, kind.cliName());
            assertEquals(t.p().get(ffl), t.p().get(t.labels().indexOf("021U")), kind.cliName());
        }
    }

    @Test
    void holds_configurationNullLeavesTheDag_false() throws InvalidGraphException {
        assertFalse(DagTriadIdentity.holds(triads(meow(), NullKind.CONFIG)));
    }
}
