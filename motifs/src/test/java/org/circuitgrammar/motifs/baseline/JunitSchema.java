package org.circuitgrammar.motifs.baseline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates bytes against the test resource {@code junit-report.xsd} (the common JUnit report layout). */
public final class JunitSchema {
    private JunitSchema() {
    }

    /** Throws with the validator's message (line and column) when {@code xml} does not validate. */
    public static void validate(byte[] xml) throws SAXException, IOException {
        URL xsd = JunitSchema.class.getResource("/junit-report.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(xsd).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
