package ca.pupitre.billing.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promotion and the invoice Pupitre issued for it. */
public record PromotionView(UUID id, UUID listingId, UUID secretaryId,
        @Schema(description = "7 or 30", minimum = "7", maximum = "30") int days,
        @Schema(enumeration = {"AWAITING_PAYMENT", "PAID"}) String state, Instant featuredUntil,
        Instant createdAt, Instant paidAt, InvoiceView invoice) {
}
