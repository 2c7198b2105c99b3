package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.ListingKind;
import java.time.Instant;
import java.util.UUID;

/** A published listing whose expiry comes soon: what a reminder needs. */
public record ExpiringListing(UUID id, UUID ownerId, ListingKind kind, LocalizedText title, Instant expiresAt,
        Instant expiryReminderDueAt) {
}
