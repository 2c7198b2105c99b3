package ca.pupitre.listings.domain;

/** Why a user reports a listing. {@link #NO_LONGER_RELEVANT} asks the owner; the others count toward hiding. */
public enum ReportReason {
    SPAM, SCAM, NO_LONGER_RELEVANT, MISCATEGORIZED;

    public boolean countsTowardHiding() {
        return this != NO_LONGER_RELEVANT;
    }
}
