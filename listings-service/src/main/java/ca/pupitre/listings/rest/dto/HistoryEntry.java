package ca.pupitre.listings.rest.dto;

import ca.pupitre.listings.domain.ListingStatus;
import java.time.Instant;

/** One recorded state change. {@code from} is null for the creation. */
public record HistoryEntry(ListingStatus from, ListingStatus to, String actor, Instant at, String reason) {
}
