package ca.pupitre.billing.rest.dto;

import ca.pupitre.billing.domain.PaymentTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EngagementRequest(
        @NotNull UUID invitationId,
        @NotNull @Valid PricingRequest pricing,
        @NotNull PaymentTerms terms,
        @Schema(description = "Optional: when given, must be the invitation's secretary") UUID secretaryId) {
}
