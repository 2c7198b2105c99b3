package ca.pupitre.gateway.partner;

import java.time.Instant;
import java.util.SortedSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a registration: the only time the API key is ever shown. */
public record PartnerCreated(UUID id, String name, String contactEmail, SortedSet<Feed> feeds, Instant createdAt,
        @Schema(description = "Shown once; only its hash is kept") String apiKey,
        String keyPrefix) {
}
