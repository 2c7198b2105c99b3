package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money received against an invoice, recorded by hand or confirmed by the payment provider. */
@Entity
@Table(name = "payment")
public class Payment {

    public enum Source { MANUAL, WEBHOOK }

    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;
    public String reference;
    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @Column(name = "provider_event_id")
    public String providerEventId;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When the invoice's client confirmed a payment the secretary recorded (null: not confirmed). */
    @Column(name = "confirmed_by_client_at")
    public Instant confirmedByClientAt;
}
