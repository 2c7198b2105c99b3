package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** "À la une": a secretary's offer featured for 7 or 30 days once Pupitre's invoice is paid. */
@Entity
@Table(name = "promotion")
public class Promotion {

    public enum State { AWAITING_PAYMENT, PAID }

    @Id
    public UUID id;
    @Column(name = "listing_id", nullable = false)
    public UUID listingId;
    @Column(name = "secretary_id", nullable = false)
    public UUID secretaryId;
    @Column(nullable = false)
    public int days;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "featured_until")
    public Instant featuredUntil;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "paid_at")
    public Instant paidAt;
}
