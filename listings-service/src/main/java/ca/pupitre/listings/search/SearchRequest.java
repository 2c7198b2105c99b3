package ca.pupitre.listings.search;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.listings.domain.SearchSort;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One validated search: the text (null for none), the filters, the sort, the page size and where the
 * page starts ({@code after}, null for the first page).
 */
public record SearchRequest(String text, ListingKind kind, List<String> skills, List<String> languages, String region,
        Boolean remote, PricingUnit unit, BigDecimal minRate, BigDecimal maxRate, SearchSort sort, Instant now, int limit,
        After after, UUID owner) {

    /** The same search at another moment ({@code null}: without one, as a key for answers kept per snapshot). */
    public SearchRequest at(Instant moment) {
        return new SearchRequest(text, kind, skills, languages, region, remote, unit, minRate, maxRate, sort, moment, limit,
                after, owner);
    }

    /**
     * Where a page ends: the index snapshot it was read from (later pages read the same one while it is
     * kept, so scores and totals do not shift under them), and the sort values of its last listing:
     * {@code key} is the score's float bits (relevance), published micros (newest) or cents (rate).
     */
    public record After(long snapshot, long key, UUID id) {
    }
}
