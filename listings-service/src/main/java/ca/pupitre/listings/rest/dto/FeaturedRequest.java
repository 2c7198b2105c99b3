package ca.pupitre.listings.rest.dto;

import java.time.Instant;

/** End of a paid promotion; null ends it now. */
public record FeaturedRequest(Instant featuredUntil) {
}
