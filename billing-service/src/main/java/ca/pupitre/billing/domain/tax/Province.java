package ca.pupitre.billing.domain.tax;

import java.util.Locale;

/**
 * Canadian provinces and territories, named by their two-letter postal abbreviation. The client's
 * province is the place of supply that decides which taxes apply.
 */
public enum Province {
    QC, ON, NS, NB, NL, PE, MB, SK, AB, BC, YT, NT, NU;

    /**
     * Resolves a postal abbreviation. Surrounding blanks and letter case are ignored ({@code " qc"}
     * is {@link #QC}).
     *
     * @throws UnknownProvinceException when the code is {@code null} or names no province
     */
    public static Province fromCode(String code) {
        if (code == null) {
            throw new UnknownProvinceException(null);
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        for (Province province : values()) {
            if (province.name().equals(normalized)) {
                return province;
            }
        }
        throw new UnknownProvinceException(code);
    }

    /** The two-letter postal abbreviation, e.g. {@code "QC"}. */
    public String code() {
        return name();
    }
}
