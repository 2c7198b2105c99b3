package ca.pupitre.billing.rest.dto;

import java.time.Instant;
import java.util.UUID;

/** A promotion and the invoice Pupitre issued for it. */
public record PromotionView(UUID id, UUID listingId, UUID secretaryId, int days, String state, Instant featuredUntil,
        Instant createdAt, Instant paidAt, InvoiceView invoice) {
}
