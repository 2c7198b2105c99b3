package ca.pupitre.listings.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of search results; {@code total} and {@code facets} count the whole filtered result.
 * {@code didYouMean}: a spelling suggestion when the text found (almost) nothing, absent otherwise.
 */
public record SearchPage(List<ListingView> items, String nextCursor, long total, Facets facets,
        @JsonInclude(JsonInclude.Include.NON_NULL) String didYouMean) {

    public record Facets(Map<String, Long> skills, Map<String, Long> languages, Map<String, Long> regions) {
    }
}
