package ca.pupitre.billing.domain.tax;

import java.time.LocalDate;

/** The rate table has no rate for the province on the date, e.g. a date before the table starts. */
public final class NoRateInForceException extends TaxException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "NO_RATE_IN_FORCE";

    private final Province province;
    private final LocalDate date;

    public NoRateInForceException(Province province, LocalDate date) {
        super(CODE, "No tax rate in force for " + province.code() + " on " + date, province.code(), date);
        this.province = province;
        this.date = date;
    }

    public Province province() {
        return province;
    }

    public LocalDate date() {
        return date;
    }
}
