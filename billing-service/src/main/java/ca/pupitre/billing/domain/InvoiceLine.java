package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of an invoice; lines from time entries name the entry (and lock it to the invoice). */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String description;
    @Column(nullable = false)
    public BigDecimal quantity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineUnit unit;
    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false)
    public String currency;
    @Column(name = "time_entry_id")
    public UUID timeEntryId;

    /** A line of one fixed amount (a milestone, a credit note's, a promotion's): quantity 1, unit FIXED. */
    public static InvoiceLine fixed(Invoice invoice, int position, String description, BigDecimal amount) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.invoiceId = invoice.id;
        line.position = position;
        line.description = description;
        line.quantity = BigDecimal.ONE.setScale(2);
        line.unit = LineUnit.FIXED;
        line.unitPrice = amount;
        line.amount = amount;
        line.currency = invoice.currency;
        return line;
    }
}
