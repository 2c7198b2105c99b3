package ca.pupitre.listings.service;

import ca.pupitre.listings.feed.FeedKind;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who reads a feed: a partner (gateway-issued PARTNER token: {@code partnerId}, and {@code feeds} when
 * the gateway restricts it) or an admin. {@code feeds == null} means the token carries no restriction.
 */
public record FeedCaller(UUID partnerId, boolean admin, Set<String> feeds) {

    public boolean mayRead(FeedKind feed) {
        return admin || feeds == null || feeds.contains(feed.name());
    }

    /** The feed reader a token names; 403 for a partner token without a partner id. */
    public static FeedCaller of(JsonWebToken jwt) {
        Caller who = Caller.of(jwt);
        if (who.is(Roles.PARTNER)) {
            UUID partnerId = partnerId(jwt);
            if (partnerId == null) {
                throw ProblemException.forbidden("FORBIDDEN");
            }
            return new FeedCaller(partnerId, false, feedsClaim(jwt));
        }
        return new FeedCaller(null, who.isAdmin(), null);
    }

    /** The {@code partnerId} claim, else the UUID in {@code sub = partner:<uuid>}. */
    private static UUID partnerId(JsonWebToken jwt) {
        Object claim = jwt.getClaim("partnerId");
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (value == null && jwt.getSubject() != null && jwt.getSubject().startsWith("partner:")) {
            value = jwt.getSubject().substring("partner:".length());
        }
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** The feeds the gateway allows this partner; null (no restriction) when the token has no {@code feeds} claim. */
    private static Set<String> feedsClaim(JsonWebToken jwt) {
        Object claim = jwt.getClaim("feeds");
        if (claim == null) {
            return null;
        }
        Set<String> allowed = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                allowed.add(value instanceof JsonString json ? json.getString() : String.valueOf(value));
            }
        } else if (claim instanceof JsonValue json && json.getValueType() == JsonValue.ValueType.STRING) {
            allowed.add(((JsonString) json).getString());
        } else {
            allowed.add(String.valueOf(claim));
        }
        return allowed;
    }
}
