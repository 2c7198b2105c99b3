package ca.pupitre.listings.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The same text in French and/or English (at least one where required). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedText(String fr, String en) {
}
