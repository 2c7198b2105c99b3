package ca.pupitre.listings.domain;

/** One state change, as recorded in the listing's history. */
public record Transition(ListingStatus from, ListingStatus to, String reason) {
}
