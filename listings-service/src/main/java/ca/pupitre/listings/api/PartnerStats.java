package ca.pupitre.listings.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's syndication numbers: feed responses served and listings in them (per feed), clicks on
 * its attributed URLs, and its listings by clicks (with delta-feed impressions). Invitations that
 * followed are matching-service's data and not here.
 */
public record PartnerStats(UUID partnerId, @Schema(minimum = "0", maximum = "9223372036854775807") long serves, @Schema(minimum = "0", maximum = "9223372036854775807") long impressions, @Schema(minimum = "0", maximum = "9223372036854775807") long clicks,
        @Schema(description = "One line per feed", maxItems = 5) List<FeedImpressions> byFeed,
        @Schema(description = "The 50 most clicked", maxItems = 50) List<ListingAttribution> topListings) {

    /** {@code serves}: responses; {@code impressions}: listings in those responses. */
    public record FeedImpressions(@Schema(description = "A feed's name", maxLength = 32) String feed, @Schema(minimum = "0", maximum = "9223372036854775807") long serves,
            @Schema(minimum = "0", maximum = "9223372036854775807") long impressions) {
    }

    /** {@code impressions}: times it was served in the delta feed (snapshots are counted per response only). */
    public record ListingAttribution(UUID listingId, @Schema(minimum = "0", maximum = "9223372036854775807") long clicks, @Schema(minimum = "0", maximum = "9223372036854775807") long impressions) {
    }
}
