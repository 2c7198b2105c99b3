package ca.pupitre.platform.security;

/**
 * The roles a Pupitre token carries (its {@code groups} claim), as constants so that {@code @RolesAllowed} and
 * {@link Caller#is(String)} name them the same way in every service.
 */
public final class Roles {

    /** A remote secretary: publishes offers, is invited, logs time, issues invoices. */
    public static final String SECRETARY = "SECRETARY";
    /** A client (notary, clinic, firm): publishes requests, invites, approves time, pays. */
    public static final String CLIENT = "CLIENT";
    /** A moderator. Never granted by signing up (the gateway's configured admin account only). */
    public static final String ADMIN = "ADMIN";
    /** Another Pupitre service, with a {@code service:<name>} subject. */
    public static final String SERVICE = "SERVICE";
    /** A partner job board, with a {@code partner:<uuid>} subject. */
    public static final String PARTNER = "PARTNER";

    private Roles() {
    }
}
