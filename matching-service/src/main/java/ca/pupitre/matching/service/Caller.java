package ca.pupitre.matching.service;

import ca.pupitre.platform.problem.ProblemException;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: a person (secretary, client, admin) with their id, or a service (no person id); {@code subject}
 * is the token's, e.g. {@code service:billing} for a service.
 */
public record Caller(UUID personId, Set<String> roles, boolean emailVerified, String subject) {

    public static Caller of(JsonWebToken token) {
        UUID id = null;
        try {
            id = token.getSubject() == null ? null : UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException notAPerson) {
            // services ("service:billing") and partners have no person id here
        }
        Object verified = token.getClaim("email_verified");
        return new Caller(id, Set.copyOf(token.getGroups()),
                Boolean.TRUE.equals(verified) || JsonValue.TRUE.equals(verified), token.getSubject());
    }

    /**
     * What reaches other people (inviting, accepting, alerts by e-mail, reviews) needs a verified e-mail
     * address (the gateway's {@code email_verified} claim); admins always may.
     */
    public Caller requireVerifiedEmail() {
        if (!isAdmin() && !emailVerified) {
            throw ProblemException.forbidden("EMAIL_NOT_VERIFIED");
        }
        return this;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is("ADMIN");
    }

    public boolean isService() {
        return is("SERVICE");
    }

    /** This service's SERVICE token, e.g. {@code service:billing}. */
    public boolean isService(String serviceSubject) {
        return isService() && serviceSubject.equals(subject);
    }

    /** This person, acting in {@code role}. */
    public boolean isPerson(UUID id, String role) {
        return personId != null && personId.equals(id) && is(role);
    }
}
