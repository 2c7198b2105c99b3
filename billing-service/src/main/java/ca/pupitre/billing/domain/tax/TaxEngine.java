package ca.pupitre.billing.domain.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes the Canadian sales taxes a Québec supplier of remote secretarial services charges its
 * client. Pure domain logic: no framework, immutable and thread-safe; the application layer wires
 * one instance (e.g. from a CDI producer).
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>The place of supply is the client's province; the rates are those in force on the supply
 *       date according to the {@link TaxRateTable}.</li>
 *   <li>Québec: GST and QST. Since 2013 the QST is computed on the price excluding GST, so every
 *       tax is computed on the subtotal and no tax is ever compounded on another.</li>
 *   <li>HST provinces (ON, NS, NB, NL, PE): a single HST line.</li>
 *   <li>AB, BC, MB, SK, YT, NT, NU: GST only. <b>Assumption:</b> the provincial sales taxes of
 *       British Columbia, Manitoba and Saskatchewan (PST/RST) are out of scope: a Québec supplier
 *       without a presence there is taken not to be registered for them, so they are never
 *       charged.</li>
 *   <li>A small supplier (not registered for GST/QST) charges no tax: the quote has no line at all,
 *       and the rate table is not consulted.</li>
 * </ul>
 *
 * <h2>Money</h2>
 * Amounts are {@link BigDecimal}s of whole cents. Each tax is {@code subtotal × rate} rounded
 * {@link RoundingMode#HALF_UP half up} to the cent (as Revenu Québec requires: 0.005 rounds up),
 * computed once on the taxable subtotal, never per invoice line. A zero subtotal still yields the
 * applicable lines, each of 0.00.
 */
public final class TaxEngine {

    private static final int CENTS = 2;
    /**
     * Largest number of digits before the decimal point: far above any invoice (under a thousand
     * trillion dollars), it stops absurd input such as {@code 1E+999999999} before it is expanded.
     */
    static final int MAX_INTEGER_DIGITS = 15;

    private final TaxRateTable rateTable;

    public TaxEngine(TaxRateTable rateTable) {
        this.rateTable = Objects.requireNonNull(rateTable, "rateTable");
    }

    /** An engine using {@link TaxRateTable#defaultTable()}. */
    public static TaxEngine withDefaultRates() {
        return new TaxEngine(TaxRateTable.defaultTable());
    }

    /**
     * Quotes the taxes on a taxable subtotal.
     *
     * <p>Inputs are validated in this order, whether or not the supplier is registered: subtotal, then
     * province, then (registered suppliers only) the rates in force on the date.
     *
     * @param subtotal           taxable amount before tax, in dollars, zero or more, at most two
     *                           decimals that matter ({@code 10.000} is accepted as {@code 10.00}),
     *                           at most 15 digits before the decimal point
     * @param clientProvince     the client's province, two-letter postal code (case-insensitive)
     * @param supplierRegistered whether the supplier is registered for GST/QST
     * @param date               the supply date, which selects the rates
     * @return the quote; its subtotal has scale 2
     * @throws InvalidAmountException    subtotal {@code null}, with a fraction of a cent, or of more
     *                                   than 15 digits before the decimal point
     * @throws NegativeAmountException   subtotal below zero
     * @throws UnknownProvinceException  province code {@code null} or unknown
     * @throws NoRateInForceException    no rate for the province on that date (registered supplier)
     * @throws NullPointerException      date {@code null}
     */
    public TaxQuote quote(BigDecimal subtotal, String clientProvince, boolean supplierRegistered,
                          LocalDate date) {
        BigDecimal amount = validSubtotal(subtotal);
        Province province = Province.fromCode(clientProvince);
        Objects.requireNonNull(date, "date");
        if (!supplierRegistered) {
            return new TaxQuote(amount, List.of(), zero(), amount);
        }
        List<TaxLine> lines = new ArrayList<>();
        BigDecimal taxTotal = zero();
        for (TaxRate rate : rateTable.ratesInForce(province, date)) {
            BigDecimal tax = amount.multiply(rate.rate()).setScale(CENTS, RoundingMode.HALF_UP);
            lines.add(new TaxLine(rate.code(), rate.rate(), tax));
            taxTotal = taxTotal.add(tax);
        }
        return new TaxQuote(amount, lines, taxTotal, amount.add(taxTotal));
    }

    private static BigDecimal validSubtotal(BigDecimal subtotal) {
        if (subtotal == null) {
            throw new InvalidAmountException(null);
        }
        if (subtotal.signum() < 0) {
            throw new NegativeAmountException(subtotal);
        }
        if (subtotal.signum() == 0) {
            return zero(); // whatever its scale, e.g. 0E-999999999
        }
        if (subtotal.precision() - subtotal.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidAmountException(subtotal);
        }
        // Never setScale() a huge scale directly (1E-999999999): it would compute a huge power of ten.
        BigDecimal normalized = subtotal.scale() > CENTS ? subtotal.stripTrailingZeros() : subtotal;
        if (normalized.scale() > CENTS) {
            throw new InvalidAmountException(subtotal);
        }
        return normalized.setScale(CENTS, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(CENTS);
    }
}
