package ca.pupitre.listings.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of matches, best first, with the exact total and facet counts of the whole filtered match
 * set, where the next page starts (null on the last page), and a spelling suggestion when the text found
 * little (null otherwise).
 */
public record SearchResult(List<UUID> ids, SearchRequest.After next, long total, Map<String, Long> skills,
        Map<String, Long> languages, Map<String, Long> regions, String didYouMean) {
}
