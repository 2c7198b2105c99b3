package ca.pupitre.listings.domain;

/** An action that the listing's current status does not allow (answered 409). */
public class IllegalTransitionException extends RuntimeException {

    private final ListingStatus from;
    private final String action;

    public IllegalTransitionException(ListingStatus from, String action) {
        super(action + " not allowed from " + from, null, false, false);
        this.from = from;
        this.action = action;
    }

    public ListingStatus from() {
        return from;
    }

    public String action() {
        return action;
    }
}
