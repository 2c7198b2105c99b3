package ca.pupitre.listings.rest.dto;

import java.util.List;
import java.util.UUID;

/**
 * Where a listing's visits came from: one line per source, {@code partner:<uuid>} for a syndication
 * partner or {@code direct} for a visit link without a partner.
 */
public record ListingSources(UUID listingId, long clicks, List<Source> sources) {

    public record Source(String source, UUID partnerId, long clicks, long impressions) {
    }
}
