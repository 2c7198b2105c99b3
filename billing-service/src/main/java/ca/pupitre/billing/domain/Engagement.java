package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Work agreed between a client and a secretary, born from an accepted matching invitation. */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    public UUID id;
    @Column(name = "invitation_id", nullable = false)
    public UUID invitationId;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "client_id", nullable = false)
    public UUID clientId;
    @Column(name = "secretary_id", nullable = false)
    public UUID secretaryId;
    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_type", nullable = false)
    public PricingType pricingType;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit")
    public WorkUnit unit;
    /** Hourly rate, per-unit rate, or the fixed price. */
    @Column(nullable = false)
    public BigDecimal rate;
    @Column(nullable = false)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentTerms terms;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EngagementState state;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    /** matching-service referral code the client came with (optional); reported once, on the first paid invoice. */
    @Column(name = "referral_code")
    public String referralCode;

    public boolean isParty(UUID user) {
        return clientId.equals(user) || secretaryId.equals(user);
    }
}
