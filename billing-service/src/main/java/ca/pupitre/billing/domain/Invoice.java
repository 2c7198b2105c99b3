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

/**
 * An invoice or a credit note. Once issued, its number, parties, lines, taxes and totals are frozen:
 * only {@link #state}, {@link #paidTotal} and {@link #creditedTotal} move afterwards.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceKind kind;
    @Column(name = "engagement_id")
    public UUID engagementId;
    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;
    @Column(name = "client_id", nullable = false)
    public UUID clientId;
    public String number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceState state;
    @Column(nullable = false)
    public String currency;
    @Enumerated(EnumType.STRING)
    public PaymentTerms terms;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "supplier_name")
    public String supplierName;
    @Column(name = "supplier_address")
    public String supplierAddress;
    @Column(name = "supplier_gst")
    public String supplierGst;
    @Column(name = "supplier_qst")
    public String supplierQst;
    @Column(name = "supplier_registered")
    public Boolean supplierRegistered;
    @Column(name = "client_name")
    public String clientName;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "client_province")
    public String clientProvince;
    @Column(nullable = false)
    public BigDecimal subtotal;
    @Column(name = "tax_total", nullable = false)
    public BigDecimal taxTotal;
    @Column(nullable = false)
    public BigDecimal total;
    @Column(name = "paid_total", nullable = false)
    public BigDecimal paidTotal;
    @Column(name = "credited_total", nullable = false)
    public BigDecimal creditedTotal;
    @Column(name = "credited_invoice_id")
    public UUID creditedInvoiceId;
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** What the client still owes: total less payments and credit notes. */
    public BigDecimal balance() {
        return total.subtract(paidTotal).subtract(creditedTotal);
    }
}
