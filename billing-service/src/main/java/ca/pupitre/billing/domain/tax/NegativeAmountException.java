package ca.pupitre.billing.domain.tax;

import java.math.BigDecimal;

/** A subtotal below zero. Refunds and credit notes are not quoted by the tax engine. */
public final class NegativeAmountException extends TaxException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "NEGATIVE_AMOUNT";

    private final BigDecimal amount;

    public NegativeAmountException(BigDecimal amount) {
        super(CODE, "Amount must not be negative: " + amount.toString(), amount.toString());
        this.amount = amount;
    }

    public BigDecimal amount() {
        return amount;
    }
}
