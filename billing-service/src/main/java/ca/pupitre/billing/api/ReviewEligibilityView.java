package ca.pupitre.billing.api;

import java.util.UUID;

/** What matching-service needs to let a client review a secretary. */
public record ReviewEligibilityView(UUID engagementId, UUID clientId, UUID secretaryId, boolean hasPaidInvoice) {
}
