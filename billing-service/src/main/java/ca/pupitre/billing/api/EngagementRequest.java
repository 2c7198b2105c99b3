package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.PaymentTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EngagementRequest(
        @NotNull UUID invitationId,
        @NotNull @Valid PricingRequest pricing,
        @NotNull PaymentTerms terms,
        @Schema(description = "Optional: when given, must be the invitation's secretary") UUID secretaryId,
        @Pattern(regexp = "[A-Za-z0-9_-]{4,64}") @Size(max = 64)
        @Schema(description = "Optional: matching-service referral code the client came with; its first paid invoice is reported to matching once")
        String referralCode) {
}
