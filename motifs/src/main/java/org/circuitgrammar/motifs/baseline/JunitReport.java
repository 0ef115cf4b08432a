package org.circuitgrammar.motifs.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link CheckReport} in the common JUnit XML layout (the Ant JUnit report format that CI systems read):
 * {@code <testsuites>} with one {@code <testsuite>} per checked group and one {@code <testcase>} per {@link Rule}
 * in it, named by the rule, with class name {@code grammar.<group>}; a broken rule carries one {@code <failure>}
 * whose message names the motifs (or profiles) that broke it and whose text has one line per broken subject. Every
 * attribute and element the strict form of the format requires is written (suite id, package, timestamp, hostname,
 * properties, system-out, system-err). A switched-off rule is a passing case whose suite property
 * {@code rule.<id>} says {@code off} (the strict format has no skipped state).
 *
 * <p>Deterministic for a given report, start time and host name. Cost {@code O(findings)}.
 */
public final class JunitReport {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private JunitReport() {
    }

    /**
     * Writes {@code report} to {@code out} (left open), UTF-8.
     *
     * @param startedAt when the check ran (written to the second, UTC, as the format wants it without a zone)
     * @param hostname  the machine, or {@code localhost}
     */
    public static void write(CheckReport report, Instant startedAt, String hostname, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "cgram grammar check");
            xml.writeAttribute("tests", Integer.toString(report.groups().stream().mapToInt(g -> g.rules().size())
                    .sum()));
            xml.writeAttribute("failures", Long.toString(report.groups().stream()
                    .flatMap(g -> g.rules().stream()).filter(r -> !r.passed()).count()));
            xml.writeAttribute("errors", "0");
            int id = 0;
            for (CheckReport.GroupCheck group : report.groups()) {
                suite(xml, group, id++, startedAt, hostname);
            }
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void suite(XMLStreamWriter xml, CheckReport.GroupCheck group, int id, Instant startedAt,
                              String hostname) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", className(group));
        xml.writeAttribute("package", "grammar");
        xml.writeAttribute("id", Integer.toString(id));
        xml.writeAttribute("tests", Integer.toString(group.rules().size()));
        xml.writeAttribute("failures", Long.toString(group.rules().stream().filter(r -> !r.passed()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", "0");
        xml.writeAttribute("timestamp", TIMESTAMP.format(startedAt.truncatedTo(ChronoUnit.SECONDS)));
        xml.writeAttribute("hostname", hostname);
        newline(xml, 2);
        xml.writeStartElement("properties");
        property(xml, "group", group.group());
        property(xml, "graphs", Integer.toString(group.graphs()));
        property(xml, "merged-near-duplicates", Integer.toString(group.mergedGraphs()));
        property(xml, "baseline-graphs", Integer.toString(group.baselineGraphs()));
        for (RuleOutcome rule : group.rules()) {
            property(xml, "rule." + rule.rule().id(), rule.enabled() ? "on" : "off");
        }
        newline(xml, 2);
        xml.writeEndElement();
        for (RuleOutcome rule : group.rules()) {
            testcase(xml, group, rule);
        }
        newline(xml, 2);
        xml.writeEmptyElement("system-out");
        newline(xml, 2);
        xml.writeEmptyElement("system-err");
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void testcase(XMLStreamWriter xml, CheckReport.GroupCheck group, RuleOutcome rule)
            throws XMLStreamException {
        newline(xml, 2);
        List<Finding> failures = rule.failures();
        if (failures.isEmpty()) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", rule.rule().id());
        xml.writeAttribute("classname", className(group));
        xml.writeAttribute("time", "0");
        if (failures.isEmpty()) {
            return;
        }
        newline(xml, 3);
        xml.writeStartElement("failure");
        xml.writeAttribute("type", "grammar regression");
        xml.writeAttribute("message", failures.size() + " of " + rule.findings().size() + " broke " + rule.rule().id()
                + ": " + failures.stream().map(Finding::subject).collect(Collectors.joining(", ")));
        xml.writeCharacters(failures.stream().map(f -> f.subject() + ": " + f.note())
                .collect(Collectors.joining("\n")));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static String className(CheckReport.GroupCheck group) {
        return "grammar." + group.group();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
