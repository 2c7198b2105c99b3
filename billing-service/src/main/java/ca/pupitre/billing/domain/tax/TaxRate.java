package ca.pupitre.billing.domain.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the rate table: a tax rate applying to supplies made in a province during
 * {@code [effectiveFrom, effectiveTo)}.
 *
 * @param province      place of supply
 * @param code          which tax
 * @param rate          the rate as a fraction, with the exact scale written in the table
 *                      ({@code 0.05}, {@code 0.09975}, {@code 0.13})
 * @param effectiveFrom first day the rate applies (inclusive)
 * @param effectiveTo   first day the rate no longer applies (exclusive); {@code null} while the rate
 *                      has no announced end
 */
public record TaxRate(Province province, TaxCode code, BigDecimal rate, LocalDate effectiveFrom,
                      LocalDate effectiveTo) {

    public TaxRate {
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("Rate must be strictly between 0 and 1: " + rate);
        }
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "effectiveTo (" + effectiveTo + ") must be after effectiveFrom (" + effectiveFrom + ")");
        }
    }

    /** Whether the period has no announced end. */
    public boolean isOpenEnded() {
        return effectiveTo == null;
    }

    /** Whether the rate applies to a supply made on {@code date}. */
    public boolean isInForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
