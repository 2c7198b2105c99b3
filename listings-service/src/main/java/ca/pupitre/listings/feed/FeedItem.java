package ca.pupitre.listings.feed;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One listing as every feed format writes it, in one language: texts chosen (with fallback), contacts
 * masked, description as escaped HTML, the attribution URL built. Writers only lay it out.
 */
public record FeedItem(
        UUID id,
        ListingKind kind,
        /** The language of the listing's own text (the asked one, or the other when the listing lacks it). */
        Lang inLanguage,
        /** The language asked for: Pupitre's own words (placeholders, units, skill labels) are in it. */
        Lang feedLanguage,
        String title,
        String descriptionHtml,
        String url,
        Instant datePosted,
        Instant validThrough,
        Instant updatedAt,
        /** Hiring organization (jobs) or provider (services): the public name, or "Confidentiel"/"Confidential". */
        String organization,
        List<String> employmentTypes,
        PricingUnit unit,
        BigDecimal amount,
        String currency,
        Integer hoursPerWeek,
        boolean remote,
        String region,
        String regionName,
        LocalDate startDate,
        List<String> skillLabels,
        List<String> languages) {
}
