package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.ListingStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded state change. {@code from} is null for the creation. */
public record HistoryEntry(ListingStatus from, ListingStatus to, @Schema(maxLength = 200) String actor, Instant at,
        @Schema(maxLength = 500) String reason) {
}
