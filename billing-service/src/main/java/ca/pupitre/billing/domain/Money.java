package ca.pupitre.billing.domain;

import ca.pupitre.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Dollar amounts: exact decimals of whole cents, in and out as decimal strings ("475.00"). */
public final class Money {

    public static final String CAD = "CAD";
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /**
     * Longest text of one invoice's amount on the wire: amounts are stored as numeric(19,2), at most 17 digits
     * before the point, so sign, 17 digits, point and cents make 21 characters; 24 leaves room for a balance
     * computed from three stored amounts.
     */
    public static final int TEXT_MAX = 24;
    /**
     * Longest text of a report's sum of stored amounts: a table cannot hold 10^13 rows, so a sum of them stays
     * under 10^30 (31 digits, sign, point and cents: 35 characters); 40 is the documented bound.
     */
    public static final int SUM_TEXT_MAX = 40;
    /** Three-letter ISO 4217 code (the currency columns are varchar(3)). */
    public static final int CURRENCY_MAX = 3;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");

    private Money() {
    }

    /**
     * Parses a wire amount: digits, at most two decimals, no sign, no exponent.
     *
     * @throws ProblemException 422 {@code INVALID_AMOUNT_FIELD} naming the field otherwise
     */
    public static BigDecimal parse(String field, String raw) {
        if (raw == null || !AMOUNT.matcher(raw.strip()).matches()) {
            throw ProblemException.unprocessable("INVALID_AMOUNT_FIELD", field);
        }
        return new BigDecimal(raw.strip()).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Like {@link #parse} and strictly positive. */
    public static BigDecimal parsePositive(String field, String raw) {
        BigDecimal amount = parse(field, raw);
        if (amount.signum() <= 0) {
            throw ProblemException.unprocessable("INVALID_AMOUNT_FIELD", field);
        }
        return amount;
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
