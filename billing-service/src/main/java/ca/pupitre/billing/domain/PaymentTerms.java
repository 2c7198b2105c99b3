package ca.pupitre.billing.domain;

/** Payment terms: the due date is the issue date plus this many days. */
public enum PaymentTerms {
    NET_15(15), NET_30(30);

    private final int days;

    PaymentTerms(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}
