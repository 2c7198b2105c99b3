package ca.pupitre.billing.domain.tax;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tax charged on a quote.
 *
 * @param code   which tax
 * @param rate   the rate applied, with the scale of the rate table ({@code 0.09975})
 * @param amount the tax in dollars, scale 2
 */
public record TaxLine(TaxCode code, BigDecimal rate, BigDecimal amount) {

    public TaxLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(amount, "amount");
    }
}
