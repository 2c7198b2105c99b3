package ca.pupitre.billing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * DRAFT → ISSUED → PAID | PARTIALLY_PAID | VOID | UNCOLLECTIBLE; PARTIALLY_PAID → PAID |
 * UNCOLLECTIBLE. Only a DRAFT may be edited; an issued document is corrected by credit notes.
 */
public enum InvoiceState {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID, UNCOLLECTIBLE;

    public Set<InvoiceState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ISSUED);
            case ISSUED -> EnumSet.of(PARTIALLY_PAID, PAID, VOID, UNCOLLECTIBLE);
            case PARTIALLY_PAID -> EnumSet.of(PARTIALLY_PAID, PAID, UNCOLLECTIBLE);
            case PAID, VOID, UNCOLLECTIBLE -> EnumSet.noneOf(InvoiceState.class);
        };
    }

    public boolean canBecome(InvoiceState target) {
        return next().contains(target);
    }

    /** Whether money can still be received or credited against it. */
    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
