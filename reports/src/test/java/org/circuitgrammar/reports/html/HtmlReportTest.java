package org.circuitgrammar.reports.html;

import static org.circuitgrammar.reports.ResultFixtures.graph;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.reports.compare.GroupBy;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final List<String> SECTIONS = List.of("summary", "heatmaps", "profiles", "nulls", "dendrogram",
            "comparison-transcoder", "comparison-model", "instances", "recurring", "methods");

    /** Two models × two transcoders, 16 graphs; I1 lower in plt graphs; one prompt carries markup that must stay inert. */
    static List<CensusResult> results() {
        List<CensusResult> out = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            boolean clt = k % 2 == 0;
            out.add(graph("g" + k).model(k < 8 ? "gemma-2-2b" : "llama-3.2-1b")
                    .transcoder(clt ? TranscoderKind.CLT : TranscoderKind.PLT)
                    .prompt(k == 3 ? "</script><script>alert(1)</script>" : "prompt " + k)
                    .row(NullKind.LPC, MotifFamily.TRIAD, "030T", 0.05 + 0.01 * k, 20 + k, 1)
                    .row(NullKind.LPC, MotifFamily.SIGNED, "I1", clt ? 0.1 * k : -0.3 - 0.1 * k, 3, clt ? 0.6 : -0.6)
                    .row(NullKind.LPC, MotifFamily.SIGNED, "C1", 0.2, 4, 0.8)
                    .build());
        }
        return out;
    }

    static ReportOptions options() {
        return new ReportOptions(GroupBy.attribute("model"), false, 0.9, null, 0, 0, 20, "test-version",
                List.of("report", "results/", "-o", "r.html"));
    }

    @Test
    void render_everySectionAndNoExternalResource() {
        String html = HtmlReport.render(new ReportBuilder(options()).build(results()));
        for (String id : SECTIONS) {
            assertTrue(html.contains("<section id=\"" + id + "\""), id);
        }
        assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]*(src|href)=\"(https?:)?//").matcher(html).find(),
                "no external resource");
        assertFalse(html.contains("@import"), "no imported stylesheet");
        assertTrue(html.contains("echarts"), "ECharts is inlined");
        // the prompt's markup is data, not markup: only the report's own three script elements exist
        Matcher scripts = Pattern.compile("<script").matcher(html);
        int n = 0;
        while (scripts.find()) {
            n++;
        }
        assertEquals(3, n);
        assertTrue(html.contains("cgram report results/ -o r.html"), "the exact command is in the methods");
    }

    @Test
    void render_sameInput_sameBytes() {
        byte[] a = HtmlReport.render(new ReportBuilder(options()).build(results())).getBytes(StandardCharsets.UTF_8);
        byte[] b = HtmlReport.render(new ReportBuilder(options()).build(results())).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(a, b);
    }

    @Test
    void render_chartData_matchesResults() throws Exception {
        String html = HtmlReport.render(new ReportBuilder(options()).build(results()));
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        JsonNode data = new ObjectMapper().readTree(m.group(1));
        assertEquals(16, data.get("graphs").size());
        assertEquals("</script><script>alert(1)</script>", data.at("/graphs/3/prompt").asText());
        JsonNode lpc = data.at("/byNull/lpc");
        List<String> motifs = new ArrayList<>();
        lpc.get("motifs").forEach(x -> motifs.add(x.asText()));
        int i1 = motifs.indexOf("signed/I1");
        assertEquals(-0.6, lpc.at("/log2/3/" + i1).asDouble(), 1e-12, "graph g3 (plt): -0.3 - 0.3");
        assertEquals(3.0, lpc.at("/z/3/" + i1).asDouble(), 1e-12);
        // the fixture's null samples 95, 100, 105, 98, 102 binned at width 1 from 95
        int row = 0;
        for (JsonNode r : lpc.get("rowMotifs")) {
            if (r.asText().equals("signed/I1")) {
                break;
            }
            row++;
        }
        JsonNode d = lpc.at("/distributions/0/" + row);
        assertEquals(95, d.get("min").asLong());
        assertEquals(1, d.get("width").asLong());
        assertEquals(11, d.get("counts").size());
        assertEquals(5, sum(d.get("counts")));
        assertEquals(1, d.get("counts").get(3).asInt(), "the sample 98");
    }

    @Test
    void build_transcoderSection_sentenceFromTest() {
        List<CensusResult> results = new ArrayList<>(results());
        // a model with CLT graphs only stays out of CLT vs PLT (it would confound model and transcoder)
        results.add(graph("solo").model("solo-model").transcoder(TranscoderKind.CLT)
                .row(NullKind.LPC, MotifFamily.SIGNED, "I1", 100, 3, 0.6).build());
        ReportBuilder.Built b = new ReportBuilder(options()).build(results);
        var section = b.text().comparisons().stream().filter(c -> c.id().equals("transcoder")).findFirst()
                .orElseThrow();
        // clt I1: 0, .2, ..., 1.4 vs plt: -.4, -.6, ..., -1.8 -> every clt value above every plt value, delta = 1
        assertTrue(section.intro().contains("Only graphs of gemma-2-2b, llama-3.2-1b (the model(s) with graphs of "
                + "both kinds)"), section.intro());
        String sentence = section.nulls().get(0).sentences().get(0);
        assertTrue(sentence.startsWith("Incoherent FFLs (I1) are more frequent relative to the null in clt graphs "
                + "than in plt graphs: median log2 ratio 0.70 vs −1.10 (Cliff's δ = 1.00"), sentence);
    }

    private static int sum(JsonNode array) {
        int s = 0;
        for (JsonNode x : array) {
            s += x.asInt();
        }
        return s;
    }
}
