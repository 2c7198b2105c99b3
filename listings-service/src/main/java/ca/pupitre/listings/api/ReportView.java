package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.ReportReason;
import java.time.Instant;
import java.util.UUID;

/** The stored report. */
public record ReportView(UUID id, UUID listingId, ReportReason reason, Instant createdAt) {
}
