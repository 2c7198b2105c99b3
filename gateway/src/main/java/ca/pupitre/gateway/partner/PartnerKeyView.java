package ca.pupitre.gateway.partner;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key as listed: never the key itself, only its prefix, status and dates. */
public record PartnerKeyView(
        @Schema(example = "pk_live_7f3k9q2m", maxLength = 16) String prefix,
        PartnerKeyStatus status,
        Instant createdAt,
        @Schema(description = "End of the grace period after a rotation", format = "date-time", maxLength = 35) Instant expiresAt,
        Instant revokedAt) {

    static PartnerKeyView of(PartnerKey key, Instant now) {
        return new PartnerKeyView(key.prefix, key.statusAt(now), key.createdAt, key.expiresAt, key.revokedAt);
    }
}
