package ca.pupitre.listings.feed;

import ca.pupitre.listings.domain.ListingKind;

/** The partner feeds; the names are the values of a partner token's {@code feeds} claim (set by the gateway). */
public enum FeedKind {
    JOBS_JSONLD(ListingKind.REQUEST, "application/ld+json; charset=UTF-8"),
    JOBS_XML(ListingKind.REQUEST, "application/xml; charset=UTF-8"),
    SERVICES_JSONLD(ListingKind.OFFER, "application/ld+json; charset=UTF-8"),
    SERVICES_ATOM(ListingKind.OFFER, "application/atom+xml; charset=UTF-8"),
    CHANGES(null, "application/json; charset=UTF-8");

    private final ListingKind listingKind;
    private final String mediaType;

    FeedKind(ListingKind listingKind, String mediaType) {
        this.listingKind = listingKind;
        this.mediaType = mediaType;
    }

    /** The listings a snapshot feed holds (requests are jobs, offers are services); null for the delta feed. */
    public ListingKind listingKind() {
        return listingKind;
    }

    public String mediaType() {
        return mediaType;
    }
}
