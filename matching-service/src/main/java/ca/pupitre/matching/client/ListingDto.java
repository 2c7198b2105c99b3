package ca.pupitre.matching.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of listings' ListingView that matching uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListingDto(UUID id, String kind, String status, TextDto title, List<String> skills, List<String> languages,
        PricingDto pricing, Integer hoursPerWeek, String turnaround, boolean remote, String region,
        String confidentiality, UUID ownerId, boolean anonymous, Instant publishedAt, Instant expiresAt) {

    /** A text in both languages (either may be absent). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TextDto(String fr, String en) {
    }

    /** Pricing: {@code amount} is an exact decimal string such as "38.00". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PricingDto(String unit, String amount, String currency) {
    }
}
