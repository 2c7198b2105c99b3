package ca.pupitre.billing.rest.dto;

import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.PricingType;
import java.time.Instant;
import java.util.UUID;

public record EngagementView(UUID id, UUID invitationId, UUID requestId, UUID offerId, UUID clientId, UUID secretaryId,
        Pricing pricing, String terms, String state, Instant createdAt, Instant endedAt, String referralCode) {

    public record Pricing(String type, String unit, String rate, String amount, String currency) {
    }

    public static EngagementView of(Engagement e) {
        boolean fixed = e.pricingType == PricingType.FIXED;
        Pricing pricing = new Pricing(e.pricingType.name(), e.unit == null ? null : e.unit.name(),
                fixed ? null : Money.format(e.rate), fixed ? Money.format(e.rate) : null, e.currency);
        return new EngagementView(e.id, e.invitationId, e.requestId, e.offerId, e.clientId, e.secretaryId, pricing,
                e.terms.name(), e.state.name(), e.createdAt, e.endedAt, e.referralCode);
    }
}
