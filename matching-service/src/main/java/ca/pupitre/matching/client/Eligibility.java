package ca.pupitre.matching.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** billing-service's answer: who the engagement joins and whether at least one of its invoices is paid. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Eligibility(UUID engagementId, UUID clientId, UUID secretaryId, boolean hasPaidInvoice) {
}
