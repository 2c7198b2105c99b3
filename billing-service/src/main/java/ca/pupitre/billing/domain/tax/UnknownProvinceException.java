package ca.pupitre.billing.domain.tax;

/** The client's province code is missing or is not a Canadian postal abbreviation. */
public final class UnknownProvinceException extends TaxException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "UNKNOWN_PROVINCE";

    private final String provinceCode;

    /** @param provinceCode the code as received, possibly {@code null} */
    public UnknownProvinceException(String provinceCode) {
        super(CODE, "Unknown province code: " + (provinceCode == null ? "null" : "'" + provinceCode + "'"),
                provinceCode);
        this.provinceCode = provinceCode;
    }

    /** The code as received, possibly {@code null}. */
    public String provinceCode() {
        return provinceCode;
    }
}
