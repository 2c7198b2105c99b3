package ca.pupitre.listings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of search results; {@code total} and {@code facets} count the whole filtered result.
 * {@code didYouMean}: a spelling suggestion when the text found (almost) nothing, absent otherwise.
 */
public record SearchPage(@Schema(description = "At most pupitre.listings.max-page-size (100)", maxItems = 100) List<ListingView> items,
        @Schema(maxLength = 256) String nextCursor, @Schema(minimum = "0", maximum = "2147483647") long total, Facets facets,
        // a rewrite of q, which is at most 200 characters
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = 200) String didYouMean) {

    /** Counts of listings per skill code, language and region. */
    public record Facets(Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> skills,
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> languages,
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> regions) {
    }
}
