package ca.pupitre.listings.rest.dto;

import java.util.List;

/** A list of phrases per language. */
public record LocalizedList(List<String> fr, List<String> en) {
}
