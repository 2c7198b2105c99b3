package ca.pupitre.listings.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a listing's visits came from: one line per source, {@code partner:<uuid>} for a syndication
 * partner or {@code direct} for a visit link without a partner.
 */
public record ListingSources(UUID listingId, @Schema(minimum = "0", maximum = "9223372036854775807") long clicks, List<Source> sources) {

    public record Source(@Schema(description = "partner:<uuid> or direct", maxLength = 44) String source, UUID partnerId,
            @Schema(minimum = "0", maximum = "9223372036854775807") long clicks, @Schema(minimum = "0", maximum = "9223372036854775807") long impressions) {
    }
}
