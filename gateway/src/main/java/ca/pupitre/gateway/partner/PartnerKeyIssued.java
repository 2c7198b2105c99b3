package ca.pupitre.gateway.partner;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a rotation: the new key, shown once, and until when the previous one keeps working. */
public record PartnerKeyIssued(UUID partnerId,
        @Schema(description = "Shown once; only its hash is kept") String apiKey,
        String keyPrefix, Instant createdAt,
        @Schema(description = "Until when the keys replaced by this one keep working") Instant previousKeysValidUntil) {
}
