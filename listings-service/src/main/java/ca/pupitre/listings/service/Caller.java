package ca.pupitre.listings.service;

import ca.pupitre.platform.problem.ProblemException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the token's subject and roles, or nobody (anonymous). People's subjects are their
 * account UUID; services are {@code service:<name>}, partners {@code partner:<uuid>}.
 */
public record Caller(String subject, Set<String> roles, Instant accountCreated, boolean emailVerified) {

    /**
     * {@code accountCreated}: when the person's account was created, null if unknown; {@code emailVerified}:
     * she proved her e-mail address (both from the gateway's claims).
     */
    public Caller(String subject, Set<String> roles) {
        this(subject, roles, null, false);
    }

    /** What reaches other people (publishing, reporting) needs a verified address; admins always may. */
    public void requireVerifiedEmail() {
        if (!isAdmin() && !emailVerified) {
            throw ProblemException.forbidden("EMAIL_NOT_VERIFIED");
        }
    }

    public static final String SECRETARY = "SECRETARY";
    public static final String CLIENT = "CLIENT";
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    public static Caller anonymous() {
        return new Caller(null, Set.of(), null, false);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(ADMIN);
    }

    /** The account UUID of a person, or null for services, partners and anonymous callers. */
    public UUID personId() {
        if (subject == null || !(has(SECRETARY) || has(CLIENT) || has(ADMIN))) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notAPerson) {
            return null;
        }
    }
}
