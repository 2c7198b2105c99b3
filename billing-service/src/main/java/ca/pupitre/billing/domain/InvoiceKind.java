package ca.pupitre.billing.domain;

/** An invoice, or a credit note correcting one (own numbering series, linked to the invoice). */
public enum InvoiceKind {
    INVOICE("", "INVOICE"), CREDIT_NOTE("NC-", "CREDIT_NOTE");

    private final String numberPrefix;
    private final String series;

    InvoiceKind(String numberPrefix, String series) {
        this.numberPrefix = numberPrefix;
        this.series = series;
    }

    /** The document number, e.g. {@code 2026-000042} or {@code NC-2026-000003}. */
    public String number(int year, int sequence) {
        return numberPrefix + year + "-" + String.format("%06d", sequence);
    }

    public String series() {
        return series;
    }
}
