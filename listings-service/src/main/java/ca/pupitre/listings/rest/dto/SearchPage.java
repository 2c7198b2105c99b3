package ca.pupitre.listings.rest.dto;

import java.util.List;
import java.util.Map;

/** One page of search results; {@code total} and {@code facets} count the whole filtered result. */
public record SearchPage(List<ListingView> items, String nextCursor, long total, Facets facets) {

    public record Facets(Map<String, Long> skills, Map<String, Long> languages, Map<String, Long> regions) {
    }
}
