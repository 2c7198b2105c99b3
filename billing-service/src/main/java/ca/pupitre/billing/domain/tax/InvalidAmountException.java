package ca.pupitre.billing.domain.tax;

import java.math.BigDecimal;

/** A subtotal that is missing or not a whole number of cents (e.g. {@code 10.005}). */
public final class InvalidAmountException extends TaxException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "INVALID_AMOUNT";

    private final BigDecimal amount;

    /** @param amount the amount as received, possibly {@code null} */
    public InvalidAmountException(BigDecimal amount) {
        super(CODE, amount == null
                        ? "Amount is required"
                        : "Amount must be a whole number of cents: " + amount.toString(),
                amount == null ? null : amount.toString());
        this.amount = amount;
    }

    /** The amount as received, possibly {@code null}. */
    public BigDecimal amount() {
        return amount;
    }
}
