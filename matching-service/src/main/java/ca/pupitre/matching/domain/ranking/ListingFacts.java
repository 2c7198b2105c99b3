package ca.pupitre.matching.domain.ranking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What ranking needs to know about one listing (an offer of a secretary or a request of a client),
 * independent of persistence.
 *
 * @param unit pricing unit (HOUR, PAGE, THOUSAND_WORDS, AUDIO_MINUTE, FIXED); the amount is the offer's rate
 *        or the request's budget in that unit
 * @param confidentiality NONE, LEGAL, MEDICAL or NOTARIAL: what a request needs, what an offer undertakes
 */
public record ListingFacts(UUID id, String kind, UUID ownerId, String status, Set<String> skills, Set<String> languages,
        String unit, BigDecimal amount, Integer hoursPerWeek, Duration turnaround, boolean remote, String region,
        String confidentiality, Instant expiresAt) {

    public ListingFacts {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        confidentiality = confidentiality == null ? "NONE" : confidentiality;
    }

    /** Published and not past its expiry. */
    public boolean openAt(Instant now) {
        return "PUBLISHED".equals(status) && (expiresAt == null || expiresAt.isAfter(now));
    }
}
