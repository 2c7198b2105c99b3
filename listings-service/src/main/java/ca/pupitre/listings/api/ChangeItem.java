package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.ListingStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** One change: an UPSERT carries the full public listing; a TOMBSTONE only the id, status and time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeItem(long seq, UUID id, String op, ListingStatus status, Instant changedAt, ListingView listing) {
}
