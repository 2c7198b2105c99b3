package ca.pupitre.platform.security;

import ca.pupitre.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the token the gateway signed: a person (secretary, client or admin, whose subject is her
 * account id), a service ({@code service:<name>}), a partner job board ({@code partner:<uuid>}), or nobody.
 * The one answer to "who is this?" in every service; what each may do is decided by the service's own use cases
 * with the questions below.
 *
 * @param subject        the token's subject, null for an anonymous caller
 * @param roles          the token's groups (see {@link Roles})
 * @param emailVerified  the person proved her e-mail address (the gateway's {@code email_verified} claim)
 * @param accountCreated when the person's account was created (the gateway's {@code account_created} claim), or
 *                       null when the token does not say
 */
public record Caller(String subject, Set<String> roles, boolean emailVerified, Instant accountCreated) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Caller anonymous() {
        return new Caller(null, Set.of(), false, null);
    }

    /** The caller a verified token names; anonymous without a token or without a subject. */
    public static Caller of(JsonWebToken token) {
        if (token == null || token.getSubject() == null) {
            return anonymous();
        }
        Object verified = token.getClaim("email_verified");
        Object created = token.getClaim("account_created");
        Instant accountCreated = created instanceof Number n ? Instant.ofEpochSecond(n.longValue())
                : created instanceof JsonNumber json ? Instant.ofEpochSecond(json.longValue()) : null;
        return new Caller(token.getSubject(), token.getGroups(), Boolean.TRUE.equals(verified) || JsonValue.TRUE.equals(verified),
                accountCreated);
    }

    /** The caller of a request Quarkus has authenticated (its principal is the JWT). */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return anonymous();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return of(token);
        }
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), false, null);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    public boolean isService() {
        return is(Roles.SERVICE);
    }

    /** This service's token, e.g. {@code service:billing}. */
    public boolean isService(String serviceSubject) {
        return isService() && serviceSubject.equals(subject);
    }

    /** The account id of a person (secretary, client or admin); null for services, partners and nobody. */
    public UUID personId() {
        if (subject == null || !(is(Roles.SECRETARY) || is(Roles.CLIENT) || is(Roles.ADMIN))) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notAPerson) {
            return null;
        }
    }

    /** The account id of a person; 403 {@code FORBIDDEN} for a service's, a partner's or no token. */
    public UUID requirePersonId() {
        UUID id = personId();
        if (id == null) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
        return id;
    }

    /** A person's role (a Pupitre token carries one): SECRETARY, CLIENT or ADMIN; null for services, partners, nobody. */
    public String personRole() {
        return Stream.of(Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN).filter(this::is).findFirst().orElse(null);
    }

    /** This person, acting in {@code role}. */
    public boolean isPerson(UUID id, String role) {
        UUID person = personId();
        return person != null && person.equals(id) && is(role);
    }

    /** What reaches other people (publishing, inviting, reviewing…) needs a verified address; admins always may. */
    public Caller requireVerifiedEmail() {
        if (!isAdmin() && !emailVerified) {
            throw ProblemException.forbidden("EMAIL_NOT_VERIFIED");
        }
        return this;
    }
}
