package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A tax frozen on an issued invoice or credit note, as the tax engine computed it. */
@Entity
@Table(name = "invoice_tax")
public class InvoiceTax {

    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public BigDecimal rate;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false)
    public String currency;
}
