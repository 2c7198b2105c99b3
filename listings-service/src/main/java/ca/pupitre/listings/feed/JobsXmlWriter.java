package ca.pupitre.listings.feed;

import ca.pupitre.listings.domain.PricingUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Indeed-style XML job feed ({@code src/main/resources/feeds/jobs.xsd}): {@code <source>} with the
 * publisher, then one {@code <job>} per open request. Texts in CDATA (no entities), UTF-8. A complete
 * snapshot: a job that is no longer open is simply absent. {@code referencenumber} is the listing id,
 * which never changes.
 */
public final class JobsXmlWriter {

    private JobsXmlWriter() {
    }

    public static void start(XMLStreamWriter xml, String publisherUrl, Instant lastBuildDate) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("source");
        XmlText.element(xml, "publisher", "Pupitre");
        XmlText.cdataElement(xml, "publisherurl", publisherUrl);
        XmlText.element(xml, "lastBuildDate", XmlText.rfc1123(lastBuildDate));
    }

    public static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    public static void job(XMLStreamWriter xml, FeedItem item) throws XMLStreamException {
        xml.writeStartElement("job");
        XmlText.cdataElement(xml, "title", item.title());
        XmlText.cdataElement(xml, "date", XmlText.rfc1123(item.datePosted()));
        XmlText.cdataElement(xml, "referencenumber", item.id().toString());
        XmlText.cdataElement(xml, "requisitionid", item.id().toString());
        XmlText.cdataElement(xml, "url", item.url());
        XmlText.cdataElement(xml, "company", item.organization());
        XmlText.cdataElement(xml, "city", item.regionName() == null ? "" : item.regionName());
        XmlText.cdataElement(xml, "state", "QC");
        XmlText.cdataElement(xml, "country", "CA");
        XmlText.cdataElement(xml, "description", item.descriptionHtml());
        XmlText.cdataElement(xml, "salary", salary(item));
        XmlText.cdataElement(xml, "jobtype", item.employmentTypes().contains("PART_TIME") ? "contract, parttime" : "contract");
        XmlText.cdataElement(xml, "category", String.join(", ", item.skillLabels()));
        if (item.remote()) {
            XmlText.cdataElement(xml, "remotetype", "Fully remote");
        }
        XmlText.cdataElement(xml, "expirationdate", XmlText.rfc1123(item.validThrough()));
        XmlText.cdataElement(xml, "language", item.inLanguage().tag());
        xml.writeEndElement();
    }

    /** "38,00 $ / heure" or "$38.00 / hour"; a fixed price reads "1 200,00 $ (forfait)" / "$1,200.00 (fixed price)". */
    static String salary(FeedItem item) {
        Lang lang = item.feedLanguage();
        String number = amount(item.amount(), lang);
        String money = lang == Lang.FR ? number + " $" : "$" + number;
        PricingUnit unit = item.unit();
        return switch (unit) {
            case HOUR -> money + lang.text(" / heure", " / hour");
            case PAGE -> money + " / page";
            case THOUSAND_WORDS -> money + lang.text(" / 1 000 mots", " / 1,000 words");
            case AUDIO_MINUTE -> money + lang.text(" / minute d'audio", " / audio minute");
            case FIXED -> money + lang.text(" (forfait)", " (fixed price)");
        };
    }

    /** 1 200,00 (fr-CA, no-break space) or 1,200.00 (en-CA); by hand: a NumberFormat per job costs more than the job. */
    static String amount(BigDecimal value, Lang lang) {
        String plain = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        StringBuilder out = new StringBuilder(plain.length() + 4);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0 && Character.isDigit(whole.charAt(i - 1))) {
                out.append(lang == Lang.FR ? '\u00A0' : ',');
            }
            out.append(whole.charAt(i));
        }
        return out.append(lang == Lang.FR ? ',' : '.').append(plain, dot + 1, plain.length()).toString();
    }
}
