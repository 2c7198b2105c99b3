package ca.pupitre.listings.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A "no longer relevant?" report waiting for the owner's action (edit, renew or close). */
public record PendingQuestion(@Schema(maxLength = 32) String reason, @Schema(maxLength = 1000) String comment, Instant askedAt) {
}
