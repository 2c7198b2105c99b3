package ca.pupitre.web.page;

import ca.pupitre.web.api.PupitreApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

/**
 * The schema.org {@code JobPosting} of a request, for search engines, written to sit inside
 * {@code <script type="application/ld+json">}: {@code <}, {@code >}, {@code &} and the JavaScript line
 * separators are written as {@code \\uXXXX} escapes, so a title holding {@code </script>} cannot end the
 * element (they only ever occur inside JSON strings, where the escape means the same character).
 */
public final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    public static String jobPosting(PupitreApi.Listing l, String lang, String url) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "JobPosting");
        root.put("title", l.title() == null ? "" : l.title().in(lang));
        root.put("description", l.descriptionHtml() == null ? "" : l.descriptionHtml().in(lang));
        if (l.publishedAt() != null) {
            root.put("datePosted", DateTimeFormatter.ISO_INSTANT.format(l.publishedAt()));
        }
        if (l.expiresAt() != null) {
            root.put("validThrough", DateTimeFormatter.ISO_INSTANT.format(l.expiresAt()));
        }
        root.put("employmentType", "CONTRACTOR");
        root.put("url", url);
        root.put("identifier", l.id().toString());
        ObjectNode org = root.putObject("hiringOrganization");
        org.put("@type", "Organization");
        org.put("name", l.publicName() != null && !l.publicName().isBlank() ? l.publicName() : "Client Pupitre");
        if (l.remote()) {
            root.put("jobLocationType", "TELECOMMUTE");
            ObjectNode where = root.putObject("applicantLocationRequirements");
            where.put("@type", "State");
            where.put("name", "Québec");
        }
        ObjectNode place = root.putObject("jobLocation");
        place.put("@type", "Place");
        ObjectNode address = place.putObject("address");
        address.put("@type", "PostalAddress");
        address.put("addressRegion", "QC");
        address.put("addressCountry", "CA");
        if (l.pricing() != null && l.pricing().amount() != null) {
            ObjectNode salary = root.putObject("baseSalary");
            salary.put("@type", "MonetaryAmount");
            salary.put("currency", "CAD");
            ObjectNode value = salary.putObject("value");
            value.put("@type", "QuantitativeValue");
            value.put("value", new BigDecimal(l.pricing().amount()));
            value.put("unitText", "HOUR".equals(l.pricing().unit()) ? "HOUR" : l.pricing().unit());
        }
        try {
            return scriptSafe(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
