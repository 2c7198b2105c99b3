package ca.pupitre.listings.feed;

import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a feed may show of a published listing. Deliberately has no owner id, no reports, no hidden
 * reason: a field that is not here cannot leak into a partner feed.
 */
public record FeedListing(
        UUID id,
        ListingKind kind,
        String titleFr,
        String titleEn,
        String descriptionFr,
        String descriptionEn,
        List<String> skills,
        List<String> languages,
        PricingUnit pricingUnit,
        BigDecimal pricingAmount,
        String currency,
        Integer hoursPerWeek,
        boolean remote,
        String region,
        LocalDate startDate,
        String publicName,
        boolean anonymous,
        Instant publishedAt,
        Instant expiresAt,
        Instant updatedAt) {

    public static FeedListing of(Listing l) {
        return new FeedListing(l.id, l.kind, l.titleFr, l.titleEn, l.descriptionFr, l.descriptionEn,
                List.of(l.skills), List.of(l.languages), l.pricingUnit, l.pricingAmount, l.currency, l.hoursPerWeek,
                l.remote, l.region, l.startDate, l.publicName, l.anonymous, l.publishedAt, l.expiresAt, l.updatedAt);
    }
}
