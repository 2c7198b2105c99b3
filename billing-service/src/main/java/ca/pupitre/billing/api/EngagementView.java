package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.PricingType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EngagementView(UUID id, UUID invitationId, UUID requestId, UUID offerId, UUID clientId, UUID secretaryId,
        Pricing pricing, @Schema(enumeration = {"NET_15", "NET_30"}) String terms,
        @Schema(enumeration = {"ACTIVE", "ENDED"}) String state, Instant createdAt, Instant endedAt,
        @Schema(maxLength = 64) String referralCode) {

    public record Pricing(@Schema(enumeration = {"HOURLY", "FIXED", "PER_UNIT"}) String type,
            @Schema(description = "A work unit, PER_UNIT only", maxLength = 32) String unit,
            @Schema(maxLength = Money.TEXT_MAX) String rate, @Schema(maxLength = Money.TEXT_MAX) String amount, @Schema(maxLength = Money.CURRENCY_MAX) String currency) {
    }

    public static EngagementView of(Engagement e) {
        boolean fixed = e.pricingType == PricingType.FIXED;
        Pricing pricing = new Pricing(e.pricingType.name(), e.unit == null ? null : e.unit.name(),
                fixed ? null : Money.format(e.rate), fixed ? Money.format(e.rate) : null, e.currency);
        return new EngagementView(e.id, e.invitationId, e.requestId, e.offerId, e.clientId, e.secretaryId, pricing,
                e.terms.name(), e.state.name(), e.createdAt, e.endedAt, e.referralCode);
    }
}
