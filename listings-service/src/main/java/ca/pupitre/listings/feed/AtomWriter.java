package ca.pupitre.listings.feed;

import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom 1.0 feed (RFC 4287) of the newest offers, for classifieds partners and feed readers. */
public final class AtomWriter {

    public static final String NS = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    public static void start(XMLStreamWriter xml, Lang lang, String selfUrl, String siteUrl, Instant updated)
            throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml:lang", lang.tag());
        XmlText.element(xml, "id", "tag:pupitre.ca,2026:feeds/services/" + lang.name().toLowerCase(Locale.ROOT));
        XmlText.element(xml, "title", lang.text("Pupitre — nouvelles offres de secrétariat à distance",
                "Pupitre — new remote secretarial offers"));
        XmlText.element(xml, "updated", updated.toString());
        link(xml, "self", selfUrl, "application/atom+xml");
        link(xml, "alternate", siteUrl, "text/html");
        xml.writeStartElement("author");
        XmlText.element(xml, "name", "Pupitre");
        xml.writeEndElement();
        XmlText.element(xml, "generator", "Pupitre listings-service");
    }

    public static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    public static void entry(XMLStreamWriter xml, FeedItem item) throws XMLStreamException {
        xml.writeStartElement("entry");
        XmlText.element(xml, "id", "urn:uuid:" + item.id());
        xml.writeStartElement("title");
        xml.writeAttribute("xml:lang", item.inLanguage().tag());
        xml.writeCharacters(item.title());
        xml.writeEndElement();
        XmlText.element(xml, "published", item.datePosted().toString());
        XmlText.element(xml, "updated", (item.updatedAt().isAfter(item.datePosted()) ? item.updatedAt() : item.datePosted()).toString());
        link(xml, "alternate", item.url(), "text/html");
        xml.writeStartElement("author");
        XmlText.element(xml, "name", item.organization());
        xml.writeEndElement();
        for (String label : item.skillLabels()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", label);
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(JobsXmlWriter.salary(item));
        xml.writeEndElement();
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(item.descriptionHtml());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
