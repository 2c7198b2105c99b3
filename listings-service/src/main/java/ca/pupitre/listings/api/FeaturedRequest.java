package ca.pupitre.listings.api;

import java.time.Instant;

/** End of a paid promotion; null ends it now. */
public record FeaturedRequest(Instant featuredUntil) {
}
