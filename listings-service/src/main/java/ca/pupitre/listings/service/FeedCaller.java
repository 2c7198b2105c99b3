package ca.pupitre.listings.service;

import ca.pupitre.listings.feed.FeedKind;
import java.util.Set;
import java.util.UUID;

/**
 * Who reads a feed: a partner (gateway-issued PARTNER token: {@code partnerId}, and {@code feeds} when
 * the gateway restricts it) or an admin. {@code feeds == null} means the token carries no restriction.
 */
public record FeedCaller(UUID partnerId, boolean admin, Set<String> feeds) {

    public boolean mayRead(FeedKind feed) {
        return admin || feeds == null || feeds.contains(feed.name());
    }
}
