package ca.pupitre.listings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The same text in French and/or English (at least one where required). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedText(
        // titles 160, descriptions 8000 (ListingValidator), descriptionHtml 8000 escaped (at most 6 characters each)
        @Schema(maxLength = 48000) String fr,
        @Schema(maxLength = 48000) String en) {
}
