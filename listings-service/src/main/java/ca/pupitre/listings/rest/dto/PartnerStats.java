package ca.pupitre.listings.rest.dto;

import java.util.List;
import java.util.UUID;

/**
 * A partner's syndication numbers: feed responses served and listings in them (per feed), clicks on
 * its attributed URLs, and its listings by clicks (with delta-feed impressions). Invitations that
 * followed are matching-service's data and not here.
 */
public record PartnerStats(UUID partnerId, long serves, long impressions, long clicks, List<FeedImpressions> byFeed,
        List<ListingAttribution> topListings) {

    /** {@code serves}: responses; {@code impressions}: listings in those responses. */
    public record FeedImpressions(String feed, long serves, long impressions) {
    }

    /** {@code impressions}: times it was served in the delta feed (snapshots are counted per response only). */
    public record ListingAttribution(UUID listingId, long clicks, long impressions) {
    }
}
