package ca.pupitre.listings.feed;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * schema.org items as JSON-LD, written field by field on a streaming {@link JsonGenerator}: a request is a
 * {@code JobPosting} (Google for Jobs' required and recommended properties), an offer a {@code Service}
 * with an {@code Offer}.
 */
public final class JsonLdWriter {

    public static final String CONTEXT = "https://schema.org";

    private JsonLdWriter() {
    }

    /** Opens {@code {"@context": ..., "@graph": [}; close with {@link #end}. */
    public static void start(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("@context", CONTEXT);
        json.writeArrayFieldStart("@graph");
    }

    public static void end(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One JobPosting; {@code withContext} for an item standing alone (delta feed), not inside a graph. */
    public static void jobPosting(JsonGenerator json, FeedItem item, boolean withContext) throws IOException {
        json.writeStartObject();
        if (withContext) {
            json.writeStringField("@context", CONTEXT);
        }
        json.writeStringField("@type", "JobPosting");
        json.writeStringField("@id", item.url());
        json.writeStringField("title", item.title());
        json.writeStringField("description", item.descriptionHtml());
        json.writeStringField("datePosted", item.datePosted().toString());
        json.writeStringField("validThrough", item.validThrough().toString());
        json.writeObjectFieldStart("hiringOrganization");
        json.writeStringField("@type", "Organization");
        json.writeStringField("name", item.organization());
        json.writeEndObject();
        json.writeArrayFieldStart("employmentType");
        for (String type : item.employmentTypes()) {
            json.writeString(type);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("identifier");
        json.writeStringField("@type", "PropertyValue");
        json.writeStringField("name", "Pupitre");
        json.writeStringField("value", item.id().toString());
        json.writeEndObject();
        json.writeObjectFieldStart("baseSalary");
        json.writeStringField("@type", "MonetaryAmount");
        json.writeStringField("currency", item.currency());
        json.writeObjectFieldStart("value");
        json.writeStringField("@type", "QuantitativeValue");
        json.writeNumberField("value", item.amount());
        if (item.unit() != PricingUnit.FIXED) {
            json.writeStringField("unitText", item.unit().name());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeBooleanField("directApply", true);
        if (item.remote()) {
            json.writeStringField("jobLocationType", "TELECOMMUTE");
            json.writeObjectFieldStart("applicantLocationRequirements");
            if (item.region() != null) {
                json.writeStringField("@type", "State");
                json.writeStringField("name", "Québec");
            } else {
                json.writeStringField("@type", "Country");
                json.writeStringField("name", "Canada");
            }
            json.writeEndObject();
        }
        if (item.region() != null) {
            json.writeObjectFieldStart("jobLocation");
            json.writeStringField("@type", "Place");
            if (item.regionName() != null) {
                json.writeStringField("name", item.regionName());
            }
            json.writeObjectFieldStart("address");
            json.writeStringField("@type", "PostalAddress");
            json.writeStringField("addressRegion", "QC");
            json.writeStringField("addressCountry", "CA");
            json.writeEndObject();
            json.writeEndObject();
        }
        if (item.startDate() != null) {
            json.writeStringField("jobStartDate", item.startDate().toString());
        }
        if (item.hoursPerWeek() != null) {
            json.writeStringField("workHours", item.feedLanguage().text(item.hoursPerWeek() + " h par semaine",
                    item.hoursPerWeek() + " h per week"));
        }
        skills(json, item);
        json.writeStringField("inLanguage", item.inLanguage().tag());
        json.writeStringField("url", item.url());
        json.writeEndObject();
    }

    public static void service(JsonGenerator json, FeedItem item, boolean withContext) throws IOException {
        json.writeStartObject();
        if (withContext) {
            json.writeStringField("@context", CONTEXT);
        }
        json.writeStringField("@type", "Service");
        json.writeStringField("@id", item.url());
        json.writeStringField("name", item.title());
        json.writeStringField("description", item.descriptionHtml());
        json.writeStringField("serviceType", item.feedLanguage().text("Secrétariat à distance", "Remote secretarial work"));
        json.writeObjectFieldStart("identifier");
        json.writeStringField("@type", "PropertyValue");
        json.writeStringField("name", "Pupitre");
        json.writeStringField("value", item.id().toString());
        json.writeEndObject();
        json.writeObjectFieldStart("provider");
        json.writeStringField("@type", "Person");
        json.writeStringField("name", item.organization());
        json.writeEndObject();
        json.writeObjectFieldStart("areaServed");
        if (item.regionName() != null && !item.remote()) {
            json.writeStringField("@type", "AdministrativeArea");
            json.writeStringField("name", item.regionName());
        } else {
            json.writeStringField("@type", "State");
            json.writeStringField("name", "Québec");
        }
        json.writeEndObject();
        json.writeObjectFieldStart("offers");
        json.writeStringField("@type", "Offer");
        json.writeStringField("price", item.amount().toPlainString());
        json.writeStringField("priceCurrency", item.currency());
        json.writeObjectFieldStart("priceSpecification");
        json.writeStringField("@type", "UnitPriceSpecification");
        json.writeNumberField("price", item.amount());
        json.writeStringField("priceCurrency", item.currency());
        if (item.unit() != PricingUnit.FIXED) {
            json.writeStringField("unitText", item.unit().name());
        }
        json.writeEndObject();
        json.writeStringField("validFrom", item.datePosted().toString());
        json.writeStringField("validThrough", item.validThrough().toString());
        json.writeStringField("availability", "https://schema.org/InStock");
        json.writeStringField("url", item.url());
        json.writeEndObject();
        if (!item.languages().isEmpty()) {
            json.writeArrayFieldStart("availableLanguage");
            for (String language : item.languages()) {
                json.writeString(language);
            }
            json.writeEndArray();
        }
        skills(json, item);
        json.writeStringField("inLanguage", item.inLanguage().tag());
        json.writeStringField("url", item.url());
        json.writeEndObject();
    }

    private static void skills(JsonGenerator json, FeedItem item) throws IOException {
        if (!item.skillLabels().isEmpty()) {
            json.writeStringField(item.kind() == ListingKind.REQUEST ? "skills" : "category",
                    String.join(", ", item.skillLabels()));
        }
    }
}
