package org.circuitgrammar.reports.compare;

import static org.circuitgrammar.reports.ResultFixtures.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.junit.jupiter.api.Test;

class ComparisonWriterTest {
    /** Four clt graphs with I1 log2 −0.1..−0.4 and four plt graphs with 1..4: exact p = 2/70. */
    private static Comparison comparison() {
        List<CensusResult> results = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            boolean clt = k < 4;
            results.add(graph("g" + k).transcoder(clt ? TranscoderKind.CLT : TranscoderKind.PLT)
                    .row(NullKind.LPC, MotifFamily.SIGNED, "I1", clt ? -0.1 * (k + 1) : k - 3, 5, 1).build());
        }
        return Comparer.compare(Cohort.of(results, GroupBy.attribute("transcoder"), false, 0.9));
    }

    @Test
    void csv_oneRowPerNullMotifGroup_valuesAsComputed() throws Exception {
        Comparison c = comparison();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(ComparisonWriter.csv(c))).getRecords();
        assertEquals(2, rows.size());
        CSVRecord clt = rows.get(0);
        assertEquals("lpc", clt.get("null"));
        assertEquals("signed/I1", clt.get("motif"));
        assertEquals("clt", clt.get("group"));
        assertEquals(-0.25, Double.parseDouble(clt.get("median_log2_ratio")), 1e-12);
        assertEquals(2.0 / 70, Double.parseDouble(clt.get("p")), 1e-12);
        assertEquals(-1.0, Double.parseDouble(clt.get("effect")), 1e-12);
        assertEquals(clt.get("p"), rows.get(1).get("p"), "the test columns repeat on every group row");
    }

    @Test
    void json_readsBackTheRecords() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ComparisonWriter.json(comparison()));
        assertEquals("transcoder", root.get("groupBy").asText());
        JsonNode test = root.at("/nulls/0/motifs/0/test");
        assertEquals("mann-whitney", test.get("test").asText());
        assertEquals(2.0 / 70, test.get("p").asDouble(), 1e-12);
        assertEquals(8, root.get("graphs").size());
    }

    @Test
    void table_namesGroupsTestAndFinding() {
        String table = ComparisonWriter.table(comparison());
        assertTrue(table.startsWith("8 graph(s) grouped by transcoder: clt (4), plt (4)"), table);
        assertTrue(table.contains("mann-whitney U=0.000 p=0.0286 q=0.0286 δ=-1.00"), table);
        assertTrue(table.contains("Incoherent FFLs (I1) are rarer relative to the null in clt graphs than in plt "
                + "graphs: median log2 ratio −0.25 vs 2.50 (Cliff's δ = −1.00, q = 0.0286, lpc)."), table);
    }
}
