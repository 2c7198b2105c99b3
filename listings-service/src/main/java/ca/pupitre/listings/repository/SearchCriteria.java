package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.listings.domain.SearchSort;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated search. {@code text} is the websearch text (null for no text query), {@code synonymGroups}
 * the taxonomy groups ANDed to it, {@code tsquery} both parsed by {@code bilingual_tsquery} (text form,
 * empty when only stop words remain), {@code fuzzy} the normalized text for trigram matching (null to skip).
 * The keyset position ({@code after*}) is the last row of the previous page.
 */
public record SearchCriteria(
        String text, List<String> synonymGroups, String tsquery, String fuzzy,
        ListingKind kind, List<String> skills, List<String> languages, String region, Boolean remote, PricingUnit unit,
        BigDecimal minRate, BigDecimal maxRate,
        SearchSort sort, Instant now, int limit,
        Double afterScore, Instant afterPublishedAt, BigDecimal afterAmount, UUID afterId) {

    public boolean hasTextQuery() {
        return text != null || !synonymGroups.isEmpty();
    }
}
