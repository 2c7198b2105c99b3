package ca.pupitre.listings.domain;

/**
 * Lifecycle: DRAFT → PUBLISHED → EXPIRED (lifetime elapsed) → PUBLISHED again by renewal; any → CLOSED
 * by the owner; any → HIDDEN by an admin (or by reports), back to where it was on unhide.
 */
public enum ListingStatus {
    DRAFT, PUBLISHED, EXPIRED, CLOSED, HIDDEN;

    public boolean editable() {
        return this == DRAFT || this == PUBLISHED || this == EXPIRED;
    }
}
