package ca.pupitre.gateway.partner;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner as admins read it; keys by prefix only. */
public record PartnerView(UUID id, @Schema(maxLength = 120) String name, @Schema(maxLength = 254) String contactEmail,
        @Schema(description = "Each feed at most once", maxItems = 5) SortedSet<Feed> feeds, Instant createdAt,
        List<PartnerKeyView> keys) {
}
