package org.circuitgrammar.motifs.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitReportTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    private static Finding finding(String subject, boolean passed) {
        return new Finding(subject, 0.1, 0.05, 0.15, passed ? 0.1 : 0.5, 0.0, 0.2, passed,
                passed ? "inside" : "median effect 0.5 is above the allowed band [0, 0.2] <&>");
    }

    /** Two groups: "a" breaks the effect band on two motifs, "b" passes with the direction rule off. */
    private static CheckReport report() {
        CheckReport.GroupCheck a = new CheckReport.GroupCheck("a", 3, 1, 10, List.of(
                new RuleOutcome(Rule.EFFECT_BAND, true, List.of(finding("lpc/triad/030T", false),
                        finding("lpc/signed/C1", true), finding("lpc/signed/I1", false))),
                new RuleOutcome(Rule.DIRECTION, true, List.of(finding("lpc/signed/C1", true))),
                new RuleOutcome(Rule.PROFILE, true, List.of())));
        CheckReport.GroupCheck b = new CheckReport.GroupCheck("b", 2, 0, 5, List.of(
                new RuleOutcome(Rule.EFFECT_BAND, true, List.of(finding("lpc/triad/030T", true))),
                new RuleOutcome(Rule.DIRECTION, false, List.of()),
                new RuleOutcome(Rule.PROFILE, true, List.of())));
        return new CheckReport(List.of(), List.of(a, b));
    }

    private static byte[] xml(CheckReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JunitReport.write(report, AT, "localhost", out);
        return out.toByteArray();
    }

    @Test
    void write_validatesAgainstTheJunitSchema() throws Exception {
        JunitSchema.validate(xml(report()));
    }

    @Test
    void schema_rejectsACaseWithoutClassname() {
        byte[] bad = ("<testsuites><testsuite name='x' package='p' id='0' tests='1' failures='0' errors='0' time='0' "
                + "timestamp='2026-01-01T00:00:00' hostname='h'><properties/><testcase name='r' time='0'/>"
                + "<system-out/><system-err/></testsuite></testsuites>").getBytes(StandardCharsets.UTF_8);
        assertThrows(SAXException.class, () -> JunitSchema.validate(bad));
    }

    @Test
    void write_oneCasePerRuleAndGroup_failuresNameTheMotifs() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml(report())));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("effect-band", first.getAttribute("name"));
        assertEquals("grammar.a", first.getAttribute("classname"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("2 of 3 broke effect-band: lpc/triad/030T, lpc/signed/I1", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("lpc/signed/I1: median effect 0.5 is above the allowed band"));
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        assertEquals("2026-01-02T03:04:05", ((Element) doc.getElementsByTagName("testsuite").item(0))
                .getAttribute("timestamp"));
    }

    @Test
    void write_sameReport_sameBytes() throws IOException {
        assertArrayEquals(xml(report()), xml(report()));
    }
}
