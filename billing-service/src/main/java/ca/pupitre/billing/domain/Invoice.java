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
 * only its state, what was paid and what was credited move afterwards, and only through the transitions
 * below ({@link #issue()}, {@link #receive}, {@link #credit}, {@link #writeOff()}), each checked against
 * {@link InvoiceState#canBecome}. The database refuses any other change to an issued invoice (V8).
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
    private InvoiceState state;
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
    private BigDecimal paidTotal;
    @Column(name = "credited_total", nullable = false)
    private BigDecimal creditedTotal;
    @Column(name = "credited_invoice_id")
    public UUID creditedInvoiceId;
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public InvoiceState state() {
        return state;
    }

    /** What was received so far. */
    public BigDecimal paidTotal() {
        return paidTotal;
    }

    /** What credit notes took off it so far. */
    public BigDecimal creditedTotal() {
        return creditedTotal;
    }

    /** A new invoice: a draft, or (a credit note, Pupitre's own invoice) issued at once; nothing paid or credited. */
    public void open(InvoiceState first) {
        if (state != null || (first != InvoiceState.DRAFT && first != InvoiceState.ISSUED)) {
            throw new IllegalStateException("an invoice opens once, as a draft or issued: " + state + " → " + first);
        }
        state = first;
        paidTotal = Money.ZERO;
        creditedTotal = Money.ZERO;
    }

    /** The draft is issued: its number, parties, lines, taxes and totals are final from now on. */
    public void issue() {
        moveTo(InvoiceState.ISSUED);
    }

    /** Money received: paid once nothing is left to pay, partly paid before. */
    public void receive(BigDecimal amount) {
        BigDecimal paid = paidTotal.add(amount);
        moveTo(total.subtract(paid).subtract(creditedTotal).signum() == 0 ? InvoiceState.PAID : InvoiceState.PARTIALLY_PAID);
        paidTotal = paid;
    }

    /**
     * A credit note took {@code amount} (taxes included) off it: once nothing is left to pay it is void, or paid
     * when some of it was.
     */
    public void credit(BigDecimal amount) {
        if (state == null || !state.isOpen()) {
            throw new IllegalStateException("invoice " + id + " is " + state + ": nothing left to credit");
        }
        BigDecimal credited = creditedTotal.add(amount);
        if (total.subtract(paidTotal).subtract(credited).signum() == 0) {
            moveTo(paidTotal.signum() == 0 ? InvoiceState.VOID : InvoiceState.PAID);
        }
        creditedTotal = credited;
    }

    /** The issuer gives up on collecting it. */
    public void writeOff() {
        moveTo(InvoiceState.UNCOLLECTIBLE);
    }

    private void moveTo(InvoiceState target) {
        if (state == null || !state.canBecome(target)) {
            throw new IllegalStateException("invoice " + id + " cannot go from " + state + " to " + target);
        }
        state = target;
    }

    /** What the document prints about its supplier, frozen once issued. */
    public void printSupplier(String name, String address, Boolean registered, String gst, String qst) {
        supplierName = name;
        supplierAddress = address;
        supplierRegistered = registered;
        supplierGst = gst;
        supplierQst = qst;
    }

    /** What the document prints about its client, frozen once issued. */
    public void printClient(String name, String address, String province) {
        clientName = name;
        clientAddress = address;
        clientProvince = province;
    }

    /** What the client still owes: total less payments and credit notes. */
    public BigDecimal balance() {
        return total.subtract(paidTotal).subtract(creditedTotal);
    }
}
