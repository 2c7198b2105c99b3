package ca.pupitre.billing.service;

import ca.pupitre.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * Who is calling, from the verified token: the subject (a user id, or {@code service:<name>}) and
 * the one role Pupitre tokens carry.
 */
public record Caller(String subject, String role) {

    public static Caller of(SecurityIdentity identity) {
        String role = identity.getRoles().stream().findFirst().orElse("");
        return new Caller(identity.getPrincipal().getName(), role);
    }

    public boolean is(String wanted) {
        return wanted.equals(role);
    }

    public boolean isAdmin() {
        return is("ADMIN");
    }

    public boolean isService() {
        return is("SERVICE");
    }

    /** This service's SERVICE token, e.g. {@code service:matching}. */
    public boolean isService(String serviceSubject) {
        return isService() && serviceSubject.equals(subject);
    }

    /** The user id of a person's token; 403 for a token whose subject is not a user. */
    public UUID userId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }
}
