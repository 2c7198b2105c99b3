package ca.pupitre.listings.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Small StAX helpers shared by the XML and Atom writers. */
final class XmlText {

    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private XmlText() {
    }

    /** {@code <name><![CDATA[text]]></name>}; a {@code ]]>} inside the text is split across two sections. */
    static void cdataElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        if (text != null) {
            String rest = FeedText.xmlSafe(text);
            int end;
            while ((end = rest.indexOf("]]>")) >= 0) {
                xml.writeCData(rest.substring(0, end + 2));
                rest = rest.substring(end + 2);
            }
            xml.writeCData(rest);
        }
        xml.writeEndElement();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(FeedText.xmlSafe(text));
        xml.writeEndElement();
    }

    static String rfc1123(Instant instant) {
        return RFC_1123.format(instant);
    }
}
